/// A recursive-descent JSON parser over bytes already checked to be UTF-8, with a depth limit
/// so that hostile nesting cannot exhaust the stack.
struct JSONParser {
    /// Deeper documents are refused; no webhook or API body Parapet reads comes near it.
    static let maximumDepth = 64

    private let bytes: [UInt8]
    /// How messages name the document (`body`).
    private let name: String
    private var index = 0
    private var depth = 0

    init(bytes: [UInt8], name: String = "body") {
        self.bytes = bytes
        self.name = name
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// One JSON value and nothing after it but white space.
    mutating func document() throws(IngestError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw IngestError(.malformedJSON, "\(name) is empty, not JSON") }
        let value = try self.value()
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected \(describeHere()) after the JSON value") }
        return value
    }

    private mutating func value() throws(IngestError) -> JSONValue {
        guard index < bytes.count else { throw failure("the \(name) ends where a value should be") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("expected a value, found \(describeHere())")
        }
    }

    private mutating func object() throws(IngestError) -> JSONValue {
        try enter()
        index += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw failure("expected a quoted key, found \(describeHere())") }
            let key = try string()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw failure("expected ':' after a key, found \(describeHere())") }
            index += 1
            skipWhitespace()
            members.append(JSONMember(key: key, value: try value()))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
            } else if peek(UInt8(ascii: "}")) {
                index += 1
                depth -= 1
                return .object(members)
            } else {
                throw failure("expected ',' or '}' in an object, found \(describeHere())")
            }
        }
    }

    private mutating func array() throws(IngestError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
            } else if peek(UInt8(ascii: "]")) {
                index += 1
                depth -= 1
                return .array(elements)
            } else {
                throw failure("expected ',' or ']' in an array, found \(describeHere())")
            }
        }
    }

    private mutating func string() throws(IngestError) -> String {
        index += 1
        // Most strings have no escapes: find the closing quote and take the bytes as they are.
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: bytes[start..<index - 1], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"): buffer.append(contentsOf: String(try unicodeEscape()).utf8)
                default:
                    index -= 1
                    throw failure("invalid escape in a string: a backslash before \(describeHere())")
                }
            case 0x00..<0x20:
                throw failure("unescaped control character in a string")
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw failure("the \(name) ends inside a string")
    }

    /// The character after `\u`: a surrogate pair joins into one scalar; a lone surrogate
    /// becomes U+FFFD, since a Swift string cannot hold it.
    private mutating func unicodeEscape() throws(IngestError) -> Character {
        let first = try hexQuad()
        if (0xD800...0xDBFF).contains(first),
            index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        {
            let save = index
            index += 2
            let second = try hexQuad()
            if (0xDC00...0xDFFF).contains(second),
                let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            {
                return Character(scalar)
            }
            index = save
        }
        return Character(Unicode.Scalar(first) ?? "\u{FFFD}")
    }

    private mutating func hexQuad() throws(IngestError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("the \(name) ends inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("expected a hex digit in a \\u escape, found \(describeHere())")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func number() throws(IngestError) -> String {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
        } else {
            guard digits() > 0 else { throw failure("expected a digit, found \(describeHere())") }
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard digits() > 0 else { throw failure("expected a digit after '.', found \(describeHere())") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard digits() > 0 else { throw failure("expected a digit in an exponent, found \(describeHere())") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Skips a run of decimal digits and says how many there were.
    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func literal(_ word: String) throws(IngestError) {
        guard bytes[index...].starts(with: word.utf8) else {
            throw failure("expected a value, found \(describeHere())")
        }
        index += word.utf8.count
    }

    private mutating func enter() throws(IngestError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw failure("nested deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    /// The character at the current position, for messages.
    private func describeHere() -> String {
        guard index < bytes.count else { return "the end of the \(name)" }
        let end = min(bytes.count, index + 4)
        var scalar = String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        if scalar == "\u{FFFD}" { scalar = "?" }
        return JSONText.quoted(String(scalar))
    }

    private func failure(_ problem: String) -> IngestError {
        IngestError(.malformedJSON, "malformed JSON at byte \(index): \(problem)")
    }
}
