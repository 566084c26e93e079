import Foundation

extension UUID {
    /// `uuidString` (upper-case hex, 8-4-4-4-12), written directly: Foundation formats it with
    /// `snprintf`, a visible cost when every published post carries two.
    public var uppercasedString: String { text(digits: "0123456789ABCDEF") }

    /// `uuidString.lowercased()`, written directly.
    public var lowercasedString: String { text(digits: "0123456789abcdef") }

    /// The UUID in `text` written exactly as 8-4-4-4-12 hex digits (either case), read without
    /// Foundation's `sscanf` (the classifier reads two per post); nil for anything else, which
    /// the caller leaves to `UUID(uuidString:)`.
    public init?(canonicalText text: UnsafeBufferPointer<UInt8>) {
        guard text.count == 36 else { return nil }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
            var index = 0
            for slot in 0..<16 {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard text[index] == UInt8(ascii: "-") else { return false }
                    index += 1
                }
                guard let high = HexDigit.value(text[index]), let low = HexDigit.value(text[index + 1]) else { return false }
                out[slot] = high << 4 | low
                index += 2
            }
            return true
        }
        guard parsed else { return nil }
        self.init(uuid: bytes)
    }

    /// The length of the UUID's text, 8-4-4-4-12 hex digits.
    public static let textLength = 36

    /// Writes `lowercasedString`'s bytes to the start of `text` (at least `textLength` bytes
    /// long), for callers building a larger byte string without making a String of each part.
    /// - Returns: the number of bytes written, `textLength`; 0 if `text` is too short.
    public func writeLowercased(into text: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard text.count >= Self.textLength else { return 0 }
        return Self.write(uuid, digits: "0123456789abcdef", into: text)
    }

    /// Appends ``lowercasedString``'s bytes to `bytes`, without making the string (for names
    /// that are hashed, not kept).
    public func appendLowercased(to bytes: inout [UInt8]) {
        append(to: &bytes, digits: "0123456789abcdef")
    }

    /// Appends ``uppercasedString``'s bytes to `bytes`, without making the string (JSON written
    /// straight into a buffer).
    public func appendUppercased(to bytes: inout [UInt8]) {
        append(to: &bytes, digits: "0123456789ABCDEF")
    }

    private func append(to bytes: inout [UInt8], digits: StaticString) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: Self.textLength))
        bytes.withUnsafeMutableBufferPointer { buffer in
            _ = Self.write(uuid, digits: digits, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
        }
    }

    private func text(digits: StaticString) -> String {
        String(unsafeUninitializedCapacity: Self.textLength) { text in Self.write(uuid, digits: digits, into: text) }
    }

    private static func write(_ uuid: uuid_t, digits: StaticString, into text: UnsafeMutableBufferPointer<UInt8>) -> Int {
        withUnsafeBytes(of: uuid) { bytes in
            digits.withUTF8Buffer { digits in
                var at = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[at] = UInt8(ascii: "-")
                        at += 1
                    }
                    text[at] = digits[Int(byte >> 4)]
                    text[at + 1] = digits[Int(byte & 0xF)]
                    at += 2
                }
                return at
            }
        }
    }
}
