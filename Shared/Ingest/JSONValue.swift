import ParapetModels

/// A parsed JSON document, kept exactly: numbers stay as their literal text so that 64-bit ids
/// and timestamps lose no digits.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's literal text as it appeared, e.g. `1520544816` or `-1.5e3`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; when a key repeats, the last one wins (``JSONObject``). A
    /// list, not a dictionary: objects are small, and hashing every key cost more than the
    /// few comparisons a lookup makes.
    case object([JSONMember])

    /// How an error message names this value: its kind, and the value itself when short.
    var summary: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let literal): literal.count > 30 ? "a number" : literal
        case .string(let text): JSONText.excerpt(text)
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value parsed from `bytes`, which must be one UTF-8 JSON document (RFC 8259); a leading
    /// byte order mark is ignored.
    ///
    /// - Throws: `invalid_utf8` naming the first bad byte, or `malformed_json` naming the byte
    ///   where the document stops being JSON.
    /// - Parameter name: how messages name the document (`body`).
    static func parse(_ bytes: [UInt8], name: String = "body") throws(IngestError) -> JSONValue {
        if let offset = UTF8Validation.firstInvalidByte(in: bytes) {
            throw IngestError(.invalidUTF8, "\(name) is not valid UTF-8 (byte \(offset))")
        }
        var parser = JSONParser(bytes: bytes, name: name)
        return try parser.document()
    }
}

/// One `"key": value` of a JSON object.
struct JSONMember: Sendable, Hashable {
    var key: String
    var value: JSONValue
}
