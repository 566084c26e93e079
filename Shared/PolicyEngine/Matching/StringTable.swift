/// Strings to values, read by the engine for every post (account ids, school ids, handles):
/// looked up by their bytes in a `WordTable`, with its cheap hash, rather than hashing a String
/// with SipHash for a `Dictionary`.
///
/// Byte equality is String equality only between ASCII strings (others may be canonically
/// equivalent with different bytes). A key that is not ASCII, or any lookup in a table holding
/// one, goes to a `Dictionary` of the same entries, so answers are exactly a dictionary's.
struct StringTable<Value: Sendable>: Sendable {
    private var dictionary: [String: Value] = [:]
    private var words = WordTable(capacity: 16)
    /// By word id in `words`.
    private var values: [Value] = []
    private var allASCII = true

    init() {}

    /// The value for `key`, if any.
    subscript(key: String) -> Value? { lookup(key) }

    /// Sets the value for `key`, replacing any before.
    mutating func set(_ value: Value, for key: String) {
        dictionary[key] = value
        if key.utf8.contains(where: { $0 >= 0x80 }) { allASCII = false }
        let id = Int(words.intern(key.utf8))
        if id == values.count { values.append(value) } else { values[id] = value }
    }

    private func lookup(_ key: String) -> Value? {
        guard allASCII else { return dictionary[key] }
        guard let found = words.lookup(asciiKey: key) else { return dictionary[key] }
        return found.map { values[Int($0)] }
    }
}
