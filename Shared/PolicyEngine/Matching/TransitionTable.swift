/// The automaton's non-root transitions, (state, term) to state: an open-addressing table of
/// packed 64-bit keys with a multiplicative hash. A `Dictionary` would hash every step of every
/// post with SipHash; this costs a multiply and, almost always, one probe. Each key sits beside
/// its value, so a probe reads one cache line.
struct TransitionTable: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        var value: Int32
    }

    /// No real key is all ones: states and terms are non-negative `Int32`s.
    private static let empty = UInt64.max
    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        slots = Array(repeating: Slot(key: Self.empty, value: 0), count: 16)
        shift = 64 - 4
    }

    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        let mask = slots.count - 1
        var slot = slot(for: key)
        while true {
            let found = slots[slot]
            if found.key == key { return found.value }
            if found.key == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ value: Int32, for key: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = slot(for: key)
        while slots[slot].key != Self.empty && slots[slot].key != key { slot = (slot + 1) & mask }
        if slots[slot].key == Self.empty { count += 1 }
        slots[slot] = Slot(key: key, value: value)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: Self.empty, value: 0), count: old.count * 2)
        shift -= 1
        count = 0
        for entry in old where entry.key != Self.empty { insert(entry.value, for: entry.key) }
    }
}
