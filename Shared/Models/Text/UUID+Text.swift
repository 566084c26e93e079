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

    /// Appends ``lowercasedString``'s bytes to `bytes`, without making the string (for names
    /// that are hashed, not kept).
    public func appendLowercased(to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 36))
        bytes.withUnsafeMutableBufferPointer { buffer in
            _ = write(digits: "0123456789abcdef", into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
        }
    }

    private func text(digits: StaticString) -> String {
        String(unsafeUninitializedCapacity: 36) { write(digits: digits, into: $0) }
    }

    /// Writes the 36 characters into the start of `text`; returns 36.
    private func write(digits: StaticString, into text: UnsafeMutableBufferPointer<UInt8>) -> Int {
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
