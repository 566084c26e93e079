/// Folded words to term ids: an open-addressing hash table over one byte pool, so looking a
/// token up allocates nothing.
///
/// Each slot is 16 bytes: the word's first eight bytes, its id, and a check of its hash and
/// length. A lookup reads one slot (where separate arrays of ids, hashes and ranges cost three
/// cache misses on a table of a large roster's names) and confirms a word of up to eight
/// bytes, most words, from the slot alone, without a second miss in the pool. A bit per hash
/// prefix (8 KiB, so it stays in cache) answers most words that are not in the table, most of
/// a post's, without reading a slot at all.
struct WordTable: Sendable {
    private struct Slot: Sendable {
        /// The word's first eight bytes, little-endian, padded with zeros.
        var head: UInt64
        /// -1 for an empty slot.
        var id: Int32
        /// The hash's bits 40 to 63, then the length (255 for 255 bytes or more).
        var check: UInt32
    }

    private static let empty = Slot(head: 0, id: -1, check: 0)
    /// `present` has a bit for each value of a hash's top `presentBits` bits.
    private static let presentBits: UInt64 = 16

    private var pool: [UInt8] = []
    private var words: [Range<Int32>] = []
    private var slots: [Slot]
    private var mask: Int
    /// Whether some word's hash starts with each `presentBits`-bit prefix.
    private var present: [UInt64]

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Self.empty, count: size)
        mask = size - 1
        present = Array(repeating: 0, count: (1 << Self.presentBits) / 64)
    }

    var count: Int { words.count }

    /// The id of `word`, adding it if new. Ids count from 0 in the order words were added.
    @discardableResult
    mutating func intern<Bytes: Collection<UInt8>>(_ word: Bytes) -> Int32 {
        if let id = lookup(word) { return id }
        if (words.count + 1) * 2 > slots.count { grow() }
        let start = Int32(pool.count)
        pool.append(contentsOf: word)
        let id = Int32(words.count)
        words.append(start..<Int32(pool.count))
        let hash = Self.hash(word)
        let prefix = Int(truncatingIfNeeded: hash >> (64 - Self.presentBits))
        present[prefix >> 6] |= 1 << UInt64(prefix & 63)
        insert(id: id, hash: hash)
        return id
    }

    func word(_ id: Int32) -> ArraySlice<UInt8> {
        let range = words[Int(id)]
        return pool[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// A slot's `check` for a word with `hash` and `count` bytes.
    @inline(__always)
    private static func check(_ hash: UInt64, count: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(min(count, 255))
    }

    /// Whether some word in the table may have `hash` (no means none has).
    @inline(__always)
    private func mayHold(_ hash: UInt64) -> Bool {
        let prefix = Int(truncatingIfNeeded: hash >> (64 - Self.presentBits))
        return present[prefix >> 6] & (1 << UInt64(prefix & 63)) != 0
    }

    @inline(__always)
    func lookup<Bytes: Collection<UInt8>>(_ word: Bytes) -> Int32? {
        let hash = Self.hash(word)
        guard mayHold(hash) else { return nil }
        let head = Self.head(word)
        let check = Self.check(hash, count: word.count)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry.id < 0 { return nil }
            if entry.check == check && entry.head == head && (word.count <= 8 || self.word(entry.id).elementsEqual(word)) {
                return entry.id
            }
            slot = (slot + 1) & mask
        }
    }

    /// `lookup` for bytes in memory: the tokenizer's output is read in place, with no slice to
    /// retain and no bounds check per byte.
    @inline(__always)
    func lookup(_ word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let (hash, head) = Self.hashAndHead(word)
        guard mayHold(hash) else { return nil }
        let check = Self.check(hash, count: word.count)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry.id < 0 { return nil }
            if entry.check == check && entry.head == head && (word.count <= 8 || equal(entry.id, word)) {
                return entry.id
            }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `key`'s UTF-8 if `key` is ASCII (`.some(nil)` when it is not in the table), or
    /// nil if it is not ASCII. Read in place, with nothing copied out of the table.
    func lookup(asciiKey key: String) -> Int32?? {
        var key = key
        return key.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? .some(lookup(bytes)) : nil }
    }

    /// Whether word `id` is `word` (their first eight bytes already known equal).
    @inline(__always)
    private func equal(_ id: Int32, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = words[Int(id)]
        guard range.count == word.count else { return false }
        var at = Int(range.lowerBound) + 8
        for index in 8..<word.count {
            if pool[at] != word[index] { return false }
            at += 1
        }
        return true
    }

    /// A word's first eight bytes, little-endian, padded with zeros (the slot's `head`).
    @inline(__always)
    private static func head<Bytes: Collection<UInt8>>(_ word: Bytes) -> UInt64 {
        var head: UInt64 = 0
        var shift: UInt64 = 0
        for byte in word.prefix(8) {
            head |= UInt64(byte) << shift
            shift += 8
        }
        return head
    }

    private mutating func insert(id: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].id >= 0 { slot = (slot + 1) & mask }
        let word = word(id)
        slots[slot] = Slot(head: Self.head(word), id: id, check: Self.check(hash, count: word.count))
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

    /// `hash` for bytes in memory, reading whole chunks at once; with the word's first chunk,
    /// its `head`.
    @inline(__always)
    static func hashAndHead(_ word: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, head: UInt64) {
        var hash = seed
        var head: UInt64 = 0
        let raw = UnsafeRawBufferPointer(word)
        var at = 0
        while at + 8 <= raw.count {
            let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            if at == 0 { head = chunk }
            hash = mix(hash, chunk)
            at += 8
        }
        if at < raw.count {
            // The last one to seven bytes as at most three loads (four, two, one bytes) rather
            // than a load, shift and or per byte: the same little-endian chunk.
            var chunk: UInt64 = 0
            var shift: UInt64 = 0
            if raw.count - at >= 4 {
                chunk = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                shift = 32
                at += 4
            }
            if raw.count - at >= 2 {
                chunk |= UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self))) << shift
                shift += 16
                at += 2
            }
            if at < raw.count {
                chunk |= UInt64(raw[at]) << shift
                at += 1
            }
            if raw.count < 8 { head = chunk }
            hash = mix(hash, chunk)
        }
        return (finish(hash, count: raw.count), head)
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
