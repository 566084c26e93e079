/// A parsed JSON document, kept exactly: numbers stay as their literal text so that 64-bit ids
/// and timestamps lose no digits.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's literal text as it appeared, e.g. `1520544816` or `-1.5e3`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; when a key repeats, the last one wins. A list, not a
    /// dictionary: objects are small, and hashing every key cost more than the few comparisons
    /// a lookup makes.
    case object([JSONMember])

    /// How an error message names this value: its kind, and the value itself when short.
    public var summary: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let literal): literal.count > 30 ? "a number" : literal
        case .string(let text): JSONStringEscaping.excerpt(text)
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value parsed from `bytes`, which must be one UTF-8 JSON document (RFC 8259); a leading
    /// byte order mark is ignored.
    public static func parse(_ bytes: [UInt8]) throws(JSONDocumentError) -> JSONValue {
        if let offset = UTF8Validation.firstInvalidByte(in: bytes) { throw .invalidUTF8(offset: offset) }
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer)
            do throws(JSONSyntaxError) {
                return .success(try parser.document())
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw .syntax(error, found: Self.describe(bytes, at: error.offset))
        }
    }

    /// The character at `offset`, for messages: quoted, `?` for one that cannot be shown, or
    /// `the end` past the last byte.
    static func describe(_ bytes: [UInt8], at offset: Int) -> String? {
        guard offset < bytes.count else { return nil }
        let end = min(bytes.count, offset + 4)
        var scalar = String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        if scalar == "\u{FFFD}" { scalar = "?" }
        return JSONStringEscaping.quoted(String(scalar))
    }
}

/// One `"key": value` of a JSON object.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// Why bytes are not one JSON document.
public enum JSONDocumentError: Error, Sendable, Equatable {
    /// Not UTF-8 from the byte at `offset`.
    case invalidUTF8(offset: Int)
    /// Not JSON at the error's offset; `found` is the character there, quoted (nil at the end).
    case syntax(JSONSyntaxError, found: String?)

    /// The problem in words, the document called `name` (`body`, `post`).
    public func message(name: String) -> String {
        switch self {
        case .invalidUTF8(let offset): "\(name) is not valid UTF-8 (byte \(offset))"
        case .syntax(let error, let found):
            error.problem == .empty
                ? error.message(found: "", name: name)
                : "malformed JSON at byte \(error.offset): \(error.message(found: found ?? "the end of the \(name)", name: name))"
        }
    }
}
