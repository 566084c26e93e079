/// Folded words to term ids: an open-addressing hash table over one byte pool, so looking a
/// token up allocates nothing.
///
/// Each slot holds the word's hash, id and place in the pool together: a lookup reads one slot
/// (one cache line, where separate arrays of ids, hashes and ranges cost three misses on a
/// table of a large roster's names) and then the pool to confirm.
struct WordTable: Sendable {
    private struct Slot: Sendable {
        /// -1 for an empty slot.
        var id: Int32
        var start: Int32
        var end: Int32
        var hash: UInt64
    }

    private static let empty = Slot(id: -1, start: 0, end: 0, hash: 0)

    private var pool: [UInt8] = []
    private var words: [Range<Int32>] = []
    private var slots: [Slot]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Self.empty, count: size)
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
            let entry = slots[slot]
            if entry.id < 0 { return nil }
            if entry.hash == hash && pool[Int(entry.start)..<Int(entry.end)].elementsEqual(word) { return entry.id }
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
            let entry = slots[slot]
            if entry.id < 0 { return nil }
            if entry.hash == hash, Self.equal(pool, entry.start..<entry.end, word) { return entry.id }
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
        while slots[slot].id >= 0 { slot = (slot + 1) & mask }
        let range = words[Int(id)]
        slots[slot] = Slot(id: id, start: range.lowerBound, end: range.upperBound, hash: hash)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: Self.empty, count: size)
        mask = size - 1
        for id in words.indices {
            insert(id: Int32(id), hash: Self.hash(word(Int32(id))))
        }
    }

    /// The hash of a word: its bytes eight at a time (little-endian, the last chunk padded with
    /// zeros) each mixed in with a multiply, then its length and a final mix so nearby words
    /// spread over the table. Folded words hold no zero bytes, so padding cannot collide.
    /// Eight bytes a step, where a byte a step (FNV-1a) chained a multiply per letter.
    @inline(__always)
    static func hash<Bytes: Collection<UInt8>>(_ word: Bytes) -> UInt64 {
        var hash = seed
        var chunk: UInt64 = 0
        var shift: UInt64 = 0
        var count = 0
        for byte in word {
            chunk |= UInt64(byte) << shift
            shift += 8
            count += 1
            if shift == 64 {
                hash = mix(hash, chunk)
                chunk = 0
                shift = 0
            }
        }
        if shift > 0 { hash = mix(hash, chunk) }
        return finish(hash, count: count)
    }

    /// `hash` for bytes in memory, reading whole chunks at once.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = seed
        let raw = UnsafeRawBufferPointer(word)
        var at = 0
        while at + 8 <= raw.count {
            hash = mix(hash, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
            at += 8
        }
        if at < raw.count {
            var chunk: UInt64 = 0
            var shift: UInt64 = 0
            while at < raw.count {
                chunk |= UInt64(raw[at]) << shift
                shift += 8
                at += 1
            }
            hash = mix(hash, chunk)
        }
        return finish(hash, count: raw.count)
    }

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    private static func mix(_ hash: UInt64, _ chunk: UInt64) -> UInt64 {
        let mixed = (hash ^ chunk) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 29)
    }

    @inline(__always)
    private static func finish(_ hash: UInt64, count: Int) -> UInt64 {
        var hash = hash ^ UInt64(count)
        hash ^= hash >> 29
        hash &*= 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        return hash
    }
}
