/// The byte-level reading of JSON (RFC 8259) that both of Parapet's JSON readers share: white
/// space, punctuation, literals, strings with their escapes, and numbers.
///
/// ``JSONParser`` builds a ``JSONValue`` tree from it with an error that says where and what;
/// ``JSONCursor`` reads known shapes straight into Swift values for the classifier's hot path.
/// The bytes must stay alive while the scanner is used (it is made inside
/// `withUnsafeBufferPointer`).
public struct JSONScanner {
    /// What a string escape for a lone UTF-16 surrogate (`"\uD800"`) becomes.
    public enum LoneSurrogates: Sendable {
        /// U+FFFD, as Foundation's decoder reads it into a Swift string.
        case replace
        /// An error: the fast path gives up and leaves the message to Foundation.
        case reject
    }

    public let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    public var index: Int

    @inlinable
    public init(_ bytes: UnsafeBufferPointer<UInt8>, index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    /// Whether every byte has been read.
    @inlinable
    public var isAtEnd: Bool { index >= bytes.count }

    @inlinable
    public mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Whether the next byte is `byte`.
    @inlinable
    public func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    /// Reads `byte` if it is next.
    @inlinable
    public mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Reads `word` (`true`, `false`, `null`) if it is next.
    @inlinable
    public mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// Reads a string, from its opening quote (which must be next) to after its closing one.
    /// The bytes are taken to be UTF-8 already (both readers check the whole document first).
    @inlinable
    public mutating func string(loneSurrogates: LoneSurrogates) throws(JSONSyntaxError) -> String {
        index += 1
        // Most strings have no escapes: find the closing quote and take the bytes as they are.
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return String(decoding: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        return try escapedString(from: start, loneSurrogates: loneSurrogates)
    }

    /// The rest of a string whose first byte is at `start`, from the first byte that is an
    /// escape, a control character or the end.
    @usableFromInline
    mutating func escapedString(from start: Int, loneSurrogates: LoneSurrogates) throws(JSONSyntaxError) -> String {
        var decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw JSONSyntaxError(.endedInsideString, at: index) }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try unicodeEscape(loneSurrogates: loneSurrogates)
                    decoded.append(contentsOf: UTF8.encode(scalar)!)
                default:
                    index -= 1
                    throw JSONSyntaxError(.invalidEscape, at: index)
                }
            case 0x00..<0x20:
                throw JSONSyntaxError(.controlCharacterInString, at: index)
            default:
                decoded.append(byte)
                index += 1
            }
        }
        throw JSONSyntaxError(.endedInsideString, at: index)
    }

    /// The scalar after `\u`: a surrogate pair joins into one scalar; a lone surrogate becomes
    /// U+FFFD or an error, as `loneSurrogates` says.
    @usableFromInline
    mutating func unicodeEscape(loneSurrogates: LoneSurrogates) throws(JSONSyntaxError) -> Unicode.Scalar {
        let first = try hexQuad()
        if (0xD800...0xDBFF).contains(first) {
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let save = index
                index += 2
                let second = try hexQuad()
                if (0xDC00...0xDFFF).contains(second),
                    let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                {
                    return scalar
                }
                index = save
            }
        }
        if let scalar = Unicode.Scalar(first) { return scalar }
        switch loneSurrogates {
        case .replace: return "\u{FFFD}"
        case .reject: throw JSONSyntaxError(.loneSurrogate, at: index - 4)
        }
    }

    @usableFromInline
    mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw JSONSyntaxError(.endedInsideEscape, at: index) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = HexDigit.value(bytes[index]) else { throw JSONSyntaxError(.expectedHexDigit, at: index) }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Reads a number (`-`, digits without a leading zero, an optional fraction and exponent)
    /// and returns where its literal text lies.
    @inlinable
    public mutating func number() throws(JSONSyntaxError) -> Range<Int> {
        let start = index
        _ = take(UInt8(ascii: "-"))
        if !take(UInt8(ascii: "0")) {
            guard digits() > 0 else { throw JSONSyntaxError(.expectedDigit, at: index) }
        }
        if take(UInt8(ascii: ".")) {
            guard digits() > 0 else { throw JSONSyntaxError(.expectedDigitAfterPoint, at: index) }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard digits() > 0 else { throw JSONSyntaxError(.expectedDigitInExponent, at: index) }
        }
        return start..<index
    }

    /// Skips a run of decimal digits and says how many there were.
    @inlinable
    mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }
}
