/// A recursive-descent JSON parser building a ``JSONValue``, with a depth limit so that hostile
/// nesting cannot exhaust the stack. Its bytes must already be checked to be UTF-8
/// (``JSONValue/parse(_:)`` does that first).
struct JSONParser {
    /// Deeper documents are refused; no webhook or API body Parapet reads comes near it.
    static let maximumDepth = 64

    private var scanner: JSONScanner
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        scanner = JSONScanner(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
    }

    /// One JSON value and nothing after it but white space.
    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        scanner.skipWhitespace()
        guard !scanner.isAtEnd else { throw failure(.empty) }
        let value = try self.value()
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw failure(.trailingContent) }
        return value
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard !scanner.isAtEnd else { throw failure(.endedWhereValueExpected) }
        switch scanner.bytes[scanner.index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try scanner.string(loneSurrogates: .replace))
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let range = try scanner.number()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[range]), as: UTF8.self))
        default: throw failure(.expectedValue)
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        scanner.index += 1
        var members: [JSONMember] = []
        scanner.skipWhitespace()
        if scanner.take(UInt8(ascii: "}")) {
            depth -= 1
            return .object(members)
        }
        while true {
            scanner.skipWhitespace()
            guard scanner.peek(UInt8(ascii: "\"")) else { throw failure(.expectedKey) }
            let key = try scanner.string(loneSurrogates: .replace)
            scanner.skipWhitespace()
            guard scanner.take(UInt8(ascii: ":")) else { throw failure(.expectedColon) }
            scanner.skipWhitespace()
            members.append(JSONMember(key: key, value: try value()))
            scanner.skipWhitespace()
            if scanner.take(UInt8(ascii: ",")) { continue }
            guard scanner.take(UInt8(ascii: "}")) else { throw failure(.expectedCommaOrBrace) }
            depth -= 1
            return .object(members)
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        scanner.index += 1
        var elements: [JSONValue] = []
        scanner.skipWhitespace()
        if scanner.take(UInt8(ascii: "]")) {
            depth -= 1
            return .array(elements)
        }
        while true {
            scanner.skipWhitespace()
            elements.append(try value())
            scanner.skipWhitespace()
            if scanner.take(UInt8(ascii: ",")) { continue }
            guard scanner.take(UInt8(ascii: "]")) else { throw failure(.expectedCommaOrBracket) }
            depth -= 1
            return .array(elements)
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        guard scanner.literal(word) else { throw failure(.expectedValue) }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure(.nestedTooDeep(limit: Self.maximumDepth)) }
    }

    private func failure(_ problem: JSONSyntaxError.Problem) -> JSONSyntaxError {
        JSONSyntaxError(problem, at: scanner.index)
    }
}
