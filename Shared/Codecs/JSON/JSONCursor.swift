import Foundation

/// A forward-only reader of JSON straight into Swift values, for documents whose shape the caller
/// knows (the classifier's `parapet.post/1` envelopes): no tree, no error text, several times
/// faster than `JSONDecoder`.
///
/// It is a fast path, never the judge: every method returns nil (or false) when the input is not
/// exactly what it expects, and the caller then reads the document the slow way, which says
/// precisely what is wrong. The document must be checked to be UTF-8 first
/// (``UTF8Validation/isValid(_:)``), so strings are made without checking again.
public struct JSONCursor {
    @usableFromInline var scanner: JSONScanner
    @usableFromInline var depth = 0
    /// Deeper documents are left to the slow path.
    @usableFromInline static let maximumDepth = 16

    @inlinable
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        scanner = JSONScanner(bytes)
    }

    // MARK: Structure

    /// Reads an object, handing each member's key to `member`, which reads the value and says
    /// whether it could. False for a repeated key (decoders disagree on which one wins) and for
    /// a key with escapes.
    @inlinable
    public mutating func object(_ member: (JSONKey, inout JSONCursor) -> Bool) -> Bool {
        scanner.skipWhitespace()
        guard scanner.take(UInt8(ascii: "{")), enter() else { return false }
        defer { depth -= 1 }
        var keys: [JSONKey] = []
        keys.reserveCapacity(16)
        scanner.skipWhitespace()
        if scanner.take(UInt8(ascii: "}")) { return true }
        while true {
            scanner.skipWhitespace()
            guard let key = plainKey(), !keys.contains(key) else { return false }
            keys.append(key)
            scanner.skipWhitespace()
            guard scanner.take(UInt8(ascii: ":")) else { return false }
            scanner.skipWhitespace()
            guard member(key, &self) else { return false }
            scanner.skipWhitespace()
            if scanner.take(UInt8(ascii: ",")) { continue }
            return scanner.take(UInt8(ascii: "}"))
        }
    }

    /// Reads an array whose every element `element` reads.
    @inlinable
    public mutating func array<Element>(_ element: (inout JSONCursor) -> Element?) -> [Element]? {
        scanner.skipWhitespace()
        guard scanner.take(UInt8(ascii: "[")), enter() else { return nil }
        defer { depth -= 1 }
        var elements: [Element] = []
        scanner.skipWhitespace()
        if scanner.take(UInt8(ascii: "]")) { return elements }
        while true {
            scanner.skipWhitespace()
            guard let value = element(&self) else { return nil }
            elements.append(value)
            scanner.skipWhitespace()
            if scanner.take(UInt8(ascii: ",")) { continue }
            return scanner.take(UInt8(ascii: "]")) ? elements : nil
        }
    }

    /// `null` as `.some(nil)`, else the value `read` reads; nil when neither.
    @inlinable
    public mutating func optional<Value>(_ read: (inout JSONCursor) -> Value?) -> Value?? {
        scanner.skipWhitespace()
        if scanner.literal("null") { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    /// Skips any value, to a bounded depth.
    @inlinable
    public mutating func skipValue() -> Bool {
        scanner.skipWhitespace()
        guard !scanner.isAtEnd else { return false }
        switch scanner.bytes[scanner.index] {
        case UInt8(ascii: "{"): return object { _, cursor in cursor.skipValue() }
        case UInt8(ascii: "["): return array { $0.skipValue() ? true : nil } != nil
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "t"): return scanner.literal("true")
        case UInt8(ascii: "f"): return scanner.literal("false")
        case UInt8(ascii: "n"): return scanner.literal("null")
        default: return (try? scanner.number()) != nil
        }
    }

    /// The next byte after white space, not taken: what kind of value comes next (`"` for a
    /// string, `{` for an object); nil at the end.
    @inlinable
    public mutating func peek() -> UInt8? {
        scanner.skipWhitespace()
        return scanner.isAtEnd ? nil : scanner.bytes[scanner.index]
    }

    /// Whether only white space is left.
    @inlinable
    public mutating func atEnd() -> Bool {
        scanner.skipWhitespace()
        return scanner.isAtEnd
    }

    // MARK: Scalars

    /// A key: a string without escapes, as its bytes in the document.
    @inlinable
    mutating func plainKey() -> JSONKey? {
        guard scanner.take(UInt8(ascii: "\"")) else { return nil }
        let start = scanner.index
        let bytes = scanner.bytes
        while scanner.index < bytes.count {
            switch bytes[scanner.index] {
            case UInt8(ascii: "\""):
                defer { scanner.index += 1 }
                return JSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[start..<scanner.index]))
            case UInt8(ascii: "\\"), 0..<0x20:
                return nil
            default:
                scanner.index += 1
            }
        }
        return nil
    }

    /// A string; nil for anything else, for an escape that is not JSON's, and for a lone
    /// surrogate (which Foundation and the models read differently).
    @inlinable
    public mutating func string() -> String? {
        guard scanner.peek(UInt8(ascii: "\"")) else { return nil }
        return try? scanner.string(loneSurrogates: .reject)
    }

    /// A UUID written plainly as 8-4-4-4-12 hex digits, without escapes.
    @inlinable
    public mutating func uuid() -> UUID? {
        let bytes = scanner.bytes
        let index = scanner.index
        guard index + 38 <= bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[index + 37] == UInt8(ascii: "\""),
            let uuid = UUID(canonicalText: UnsafeBufferPointer(rebasing: bytes[index + 1..<index + 37]))
        else { return nil }
        scanner.index += 38
        return uuid
    }

    /// A whole number written plainly (`0`, `-3`, `42`): no fraction, exponent or leading zero.
    @inlinable
    public mutating func integer() -> Int? {
        let bytes = scanner.bytes
        let negative = scanner.take(UInt8(ascii: "-"))
        let start = scanner.index
        var value = 0
        while scanner.index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[scanner.index]) {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[scanner.index] - UInt8(ascii: "0")))
            guard !overflow, !overflow2 else { return nil }
            value = sum
            scanner.index += 1
        }
        let digits = scanner.index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if scanner.index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[scanner.index]) {
            return nil
        }
        return negative ? -value : value
    }

    /// `true` or `false`.
    @inlinable
    public mutating func bool() -> Bool? {
        let bytes = scanner.bytes
        let index = scanner.index
        if index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "t"), bytes[index + 1] == UInt8(ascii: "r"),
            bytes[index + 2] == UInt8(ascii: "u"), bytes[index + 3] == UInt8(ascii: "e")
        {
            scanner.index += 4
            return true
        }
        if index + 5 <= bytes.count, bytes[index] == UInt8(ascii: "f"), bytes[index + 1] == UInt8(ascii: "a"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "s"), bytes[index + 4] == UInt8(ascii: "e")
        {
            scanner.index += 5
            return false
        }
        return nil
    }

    /// A date as ``ParapetJSON`` reads it.
    @inlinable
    public mutating func date() -> Date? {
        guard let text = string() else { return nil }
        return ParapetJSON.date(from: text)
    }

    @inlinable
    mutating func enter() -> Bool {
        depth += 1
        return depth <= Self.maximumDepth
    }
}
