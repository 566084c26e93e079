/// A word-level Aho–Corasick automaton: finds every pattern (a sequence of term ids) in a text's
/// terms in one pass, however many patterns there are. One is built per trust from the word
/// lists and the roster's names, so matching costs the same for 50 names or 50,000.
///
/// A class, never changed after `init`: matching through a struct held by the trust copied it,
/// retaining and releasing each of its tables for every text.
final class PhraseAutomaton: Sendable {
    private let rootNext: [Int32]
    private let next: TransitionTable
    private let fail: [Int32]
    private let depth: [Int32]
    /// Patterns ending at each state, its suffixes' included: state `s` owns
    /// `outputs[outputStart[s]..<outputStart[s + 1]]` (one flat array, so matching retains nothing).
    private let outputs: [Int32]
    private let outputStart: [Int32]
    /// States other than the root with a transition out, and terms some such transition reads:
    /// a step from a state not in the first, or on a term not in the second, cannot be a
    /// transition, so matching skips the probe of `next` (a cache miss on a large roster).
    private let branching: BitSet
    private let continuing: BitSet
    /// States where some pattern ends: reaching any other, matching skips reading its outputs
    /// (a cache miss in `outputStart` on a large roster, for most words of a post).
    private let emitting: BitSet

    /// - Parameters:
    ///   - patterns: each pattern's term ids, by pattern id.
    ///   - termCount: how many term ids there are.
    init(patterns: [[Int32]], termCount: Int) {
        var rootNext = [Int32](repeating: 0, count: max(termCount, 1))
        var next = TransitionTable()
        var depth: [Int32] = [0]
        var outputs: [[Int32]] = [[]]
        var children: [[(term: Int32, state: Int32)]] = [[]]

        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state: Int32 = 0
            for term in pattern {
                let found: Int32? = state == 0 ? (rootNext[Int(term)] > 0 ? rootNext[Int(term)] : nil) : next[Self.key(state, term)]
                if let found {
                    state = found
                    continue
                }
                let created = Int32(depth.count)
                depth.append(depth[Int(state)] + 1)
                outputs.append([])
                children.append([])
                children[Int(state)].append((term, created))
                if state == 0 { rootNext[Int(term)] = created } else { next.insert(created, for: Self.key(state, term)) }
                state = created
            }
            outputs[Int(state)].append(Int32(id))
        }

        // Breadth first: each state's failure link is the longest proper suffix that is a state.
        var fail = [Int32](repeating: 0, count: depth.count)
        var queue: [Int32] = children[0].map(\.state)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (term, child) in children[Int(state)] {
                var link = fail[Int(state)]
                while true {
                    let target: Int32? = link == 0 ? (rootNext[Int(term)] > 0 ? rootNext[Int(term)] : nil) : next[Self.key(link, term)]
                    if let target, target != child {
                        fail[Int(child)] = target
                        break
                    }
                    if link == 0 {
                        fail[Int(child)] = 0
                        break
                    }
                    link = fail[Int(link)]
                }
                outputs[Int(child)].append(contentsOf: outputs[Int(fail[Int(child)])])
                queue.append(child)
            }
        }
        var branching = BitSet(capacity: depth.count)
        var continuing = BitSet(capacity: termCount)
        for state in children.indices.dropFirst() where !children[state].isEmpty {
            branching.insert(Int32(state))
            for (term, _) in children[state] { continuing.insert(term) }
        }
        self.branching = branching
        var emitting = BitSet(capacity: depth.count)
        for state in outputs.indices where !outputs[state].isEmpty { emitting.insert(Int32(state)) }
        self.emitting = emitting
        self.continuing = continuing
        self.rootNext = rootNext
        self.next = next
        self.fail = fail
        self.depth = depth
        var flat: [Int32] = []
        var starts: [Int32] = [0]
        starts.reserveCapacity(outputs.count + 1)
        for list in outputs {
            flat.append(contentsOf: list)
            starts.append(Int32(flat.count))
        }
        self.outputs = flat
        self.outputStart = starts
    }

    @inline(__always)
    private static func key(_ state: Int32, _ term: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: term))
    }

    /// The state after reading `term` (-1, a word no pattern uses, goes back to the root).
    @inline(__always)
    func step(from state: Int32, on term: Int32) -> Int32 {
        guard term >= 0 else { return 0 }
        var state = state
        let continues = continuing.contains(term)
        while true {
            let target: Int32?
            if state == 0 {
                target = rootNext[Int(term)] > 0 ? rootNext[Int(term)] : nil
            } else {
                target = continues && branching.contains(state) ? next[Self.key(state, term)] : nil
            }
            if let target { return target }
            if state == 0 { return 0 }
            state = fail[Int(state)]
        }
    }

    /// Where the patterns that end on reaching `state`, its suffixes' included, are listed: read
    /// each with `endingPattern`, or by slot from a table made with `endingSlotCount` entries.
    @inline(__always)
    func endingSlots(at state: Int32) -> Range<Int> {
        guard emitting.contains(state) else { return 0..<0 }
        return Int(outputStart[Int(state)])..<Int(outputStart[Int(state) + 1])
    }

    /// The pattern listed at `slot` of `endingSlots`.
    @inline(__always)
    func endingPattern(_ slot: Int) -> Int32 { outputs[slot] }

    /// How many slots `endingSlots` ranges over, all states together.
    var endingSlotCount: Int { outputs.count }
}
