import ParapetModels

/// A behaviour the detectors found in a post, with why; it becomes a breach only where the
/// school's pack has a clause for it that applies to this author on this account.
public struct Detection: Sendable, Hashable {
    public var behaviour: Behaviour
    public var evidence: [Evidence]
    /// At least this severe whatever the clause says (a pupil without photo consent, swimwear).
    public var minimumSeverity: Severity?

    public init(behaviour: Behaviour, evidence: [Evidence], minimumSeverity: Severity? = nil) {
        self.behaviour = behaviour
        self.evidence = evidence
        self.minimumSeverity = minimumSeverity
    }
}

/// What the detectors have found so far in one post, one entry per behaviour. A short array
/// searched in order, not a dictionary: a post has at most a handful of detections, most none.
struct Detections {
    private var found: [Detection] = []

    mutating func add(_ behaviour: Behaviour, _ evidence: [Evidence], minimumSeverity: Severity? = nil) {
        if let index = found.firstIndex(where: { $0.behaviour == behaviour }) {
            for item in evidence where !found[index].evidence.contains(item) { found[index].evidence.append(item) }
            if let minimumSeverity { found[index].minimumSeverity = max(found[index].minimumSeverity ?? minimumSeverity, minimumSeverity) }
        } else {
            // Room for a few at the first: a post with one detection often has another.
            if found.capacity == 0 { found.reserveCapacity(4) }
            // The same words found by two rules are one piece of evidence. Usually nothing is
            // found twice, and then the array is kept as it came rather than copied.
            let repeats = evidence.indices.contains { index in evidence[..<index].contains(evidence[index]) }
            var unique: [Evidence] = []
            if repeats {
                unique.reserveCapacity(evidence.count)
                for item in evidence where !unique.contains(item) { unique.append(item) }
            }
            found.append(Detection(behaviour: behaviour, evidence: repeats ? unique : evidence, minimumSeverity: minimumSeverity))
        }
    }

    func contains(_ behaviour: Behaviour) -> Bool { found.contains { $0.behaviour == behaviour } }

    /// The evidence found so far for `behaviour`.
    func evidence(of behaviour: Behaviour) -> [Evidence] { found.first { $0.behaviour == behaviour }?.evidence ?? [] }

    /// In the order of `Behaviour.allCases`, each detection's evidence in text order; leaves
    /// none behind.
    ///
    /// The detections are moved out and their evidence sorted where it lies: sorting copies of
    /// them copied every evidence array (retaining each evidence's strings) first.
    mutating func takeAll() -> [Detection] {
        guard !found.isEmpty else { return [] }
        var found: [Detection] = []
        swap(&found, &self.found)
        // Put in order where they lie: each behaviour is found once, so the order is total.
        if found.count > 1 { found.sort { Self.order($0.behaviour) < Self.order($1.behaviour) } }
        for index in found.indices {
            found[index].evidence.sort {
                ($0.attachment ?? -1, $0.span?.start ?? 0, $0.span?.end ?? 0) < ($1.attachment ?? -1, $1.span?.start ?? 0, $1.span?.end ?? 0)
            }
        }
        return found
    }

    /// Where `behaviour` comes in `Behaviour.allCases`.
    private static func order(_ behaviour: Behaviour) -> Int { positions[behaviour] ?? Int.max }

    private static let positions: [Behaviour: Int] = Dictionary(uniqueKeysWithValues: Behaviour.allCases.enumerated().map { ($1, $0) })
}

/// One detector family: reads a post's context and adds what it finds, for its own behaviours.
/// Every detector is listed, in order, in ``Detectors/detect(in:into:)``.
protocol Detector: Sendable {
    func detect(in post: PostContext, into found: inout Detections)
}
