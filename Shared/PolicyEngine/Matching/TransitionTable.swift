/// The automaton's non-root transitions, (state, term) to state: an open-addressing table of
/// packed 64-bit keys with a multiplicative hash. A `Dictionary` would hash every step of every
/// post with SipHash; this costs a multiply and, almost always, one probe.
struct TransitionTable: Sendable {
    /// No real key is all ones: states and terms are non-negative `Int32`s.
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        keys = Array(repeating: Self.empty, count: 16)
        values = Array(repeating: 0, count: 16)
        shift = 64 - 4
    }

    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var slot = slot(for: key)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ value: Int32, for key: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = slot(for: key)
        while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == Self.empty { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty { insert(value, for: key) }
    }
}
