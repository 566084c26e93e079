/// A set of term ids as bits: a membership test is a shift and a mask, with no hashing.
struct TermSet: Sendable {
    private var words: [UInt64]

    /// An empty set for term ids below `termCount`.
    init(termCount: Int) {
        words = Array(repeating: 0, count: (max(termCount, 1) + 63) / 64)
    }

    mutating func insert(_ term: Int32) {
        words[Int(term) >> 6] |= 1 << UInt64(term & 63)
    }

    @inline(__always)
    func contains(_ term: Int32) -> Bool {
        let word = Int(term) >> 6
        return term >= 0 && word < words.count && words[word] & (1 << UInt64(term & 63)) != 0
    }
}
