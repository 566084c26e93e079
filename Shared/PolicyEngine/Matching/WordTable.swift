/// Folded words to term ids: an open-addressing hash table over one byte pool, so looking a
/// token up allocates nothing.
struct WordTable: Sendable {
    private var pool: [UInt8] = []
    private var words: [Range<Int32>] = []
    private var slots: [Int32]
    private var hashes: [UInt64]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        hashes = Array(repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { words.count }

    /// The id of `word`, adding it if new. Ids count from 0 in the order words were added.
    mutating func intern<Bytes: Collection<UInt8>>(_ word: Bytes) -> Int32 {
        if let id = lookup(word) { return id }
        if (words.count + 1) * 2 > slots.count { grow() }
        let start = Int32(pool.count)
        pool.append(contentsOf: word)
        let id = Int32(words.count)
        words.append(start..<Int32(pool.count))
        insert(id: id, hash: Self.hash(word))
        return id
    }

    func word(_ id: Int32) -> ArraySlice<UInt8> {
        let range = words[Int(id)]
        return pool[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    @inline(__always)
    func lookup<Bytes: Collection<UInt8>>(_ word: Bytes) -> Int32? {
        let hash = Self.hash(word)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[slot] == hash && pool[Int(words[Int(id)].lowerBound)..<Int(words[Int(id)].upperBound)].elementsEqual(word) {
                return id
            }
            slot = (slot + 1) & mask
        }
    }

    /// `lookup` for bytes in memory: the tokenizer's output is read in place, with no slice to
    /// retain and no bounds check per byte.
    @inline(__always)
    func lookup(_ word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(word)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[slot] == hash, Self.equal(pool, words[Int(id)], word) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the pool's bytes `range` are `word`.
    @inline(__always)
    private static func equal(_ pool: [UInt8], _ range: Range<Int32>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard range.count == word.count else { return false }
        var at = Int(range.lowerBound)
        for byte in word {
            if pool[at] != byte { return false }
            at += 1
        }
        return true
    }

    private mutating func insert(id: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
        hashes[slot] = hash
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        hashes = Array(repeating: 0, count: size)
        mask = size - 1
        for id in words.indices {
            insert(id: Int32(id), hash: Self.hash(word(Int32(id))))
        }
    }

    /// FNV-1a, then a final mix so nearby words spread over the table.
    @inline(__always)
    static func hash<Bytes: Collection<UInt8>>(_ word: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        hash ^= hash >> 29
        hash &*= 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        return hash
    }
}
