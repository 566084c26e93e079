/// A set of small non-negative ids (term ids, automaton states) as bits: a membership test is
/// a shift and a mask, with no hashing, and the whole set of a large trust fits in cache.
struct BitSet: Sendable {
    private var words: [UInt64]

    /// An empty set for ids below `capacity`.
    init(capacity: Int) {
        words = Array(repeating: 0, count: (max(capacity, 1) + 63) / 64)
    }

    mutating func insert(_ id: Int32) {
        words[Int(id) >> 6] |= 1 << UInt64(id & 63)
    }

    @inline(__always)
    func contains(_ id: Int32) -> Bool {
        let word = Int(id) >> 6
        return id >= 0 && word < words.count && words[word] & (1 << UInt64(id & 63)) != 0
    }
}
