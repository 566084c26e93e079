/// The one JSON string escaper: every JSON string Parapet writes by hand (events, verdicts, log
/// lines, error bodies, quoted values in messages) goes through it.
///
/// ``Style/standard`` escapes as `JSONEncoder` (and so ``ParapetJSON``) does: `"` and `\`
/// escaped, control characters as `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`, everything else
/// (slashes, non-ASCII) as it is, so the hand-written writers produce the very bytes ParapetJSON
/// would. ``Style/forDisplay`` also escapes DEL, U+2028 and U+2029, which are valid JSON but break
/// JavaScript and some log viewers.
public enum JSONStringEscaping {
    /// Which characters beyond JSON's required ones are escaped.
    public enum Style: Sendable {
        /// Exactly what `JSONEncoder` escapes.
        case standard
        /// Also DEL, U+2028 and U+2029: for log lines, error bodies and messages.
        case forDisplay
    }

    /// `value` as a quoted JSON string.
    public static func quoted(_ value: some StringProtocol, style: Style = .forDisplay) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 2)
        append(String(value), to: &bytes, style: style)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` quoted for an error message, cut to `limit` characters with `…` so that one huge
    /// value cannot make a huge message.
    public static func excerpt(_ text: String, limit: Int = 60) -> String {
        guard text.count > limit else { return quoted(text) }
        return quoted(text.prefix(limit) + "…")
    }

    /// Appends `value` to `bytes` as a quoted JSON string.
    public static func append(_ value: String, to bytes: inout [UInt8], style: Style = .standard) {
        if style == .forDisplay {
            appendForDisplay(value, to: &bytes)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            // Most text needs no escape at all: skip to the first byte that might, eight at a time.
            for index in cleanPrefix(utf8)..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                default: appendUnicodeEscape(UInt32(byte), to: &bytes)
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The ``Style/forDisplay`` escaping: scalar by scalar (log lines and messages are not the
    /// hot path that ``append(_:to:style:)``'s word-at-a-time scan is for).
    private static func appendForDisplay(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case "\\": bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case "\n": bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case "\r": bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case "\t": bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case "\u{08}": bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case "\u{0C}": bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case "\u{2028}", "\u{2029}", "\u{7F}": appendUnicodeEscape(scalar.value, to: &bytes)
            default:
                if scalar.value < 0x20 {
                    appendUnicodeEscape(scalar.value, to: &bytes)
                } else {
                    bytes.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendUnicodeEscape(_ value: UInt32, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: Array("\\u".utf8))
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
    }

    /// How many leading bytes of `utf8`, a multiple of eight, certainly need no escape (none is
    /// a control character, `"` or `\`), tested a word at a time.
    private static func cleanPrefix(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// Whether some byte of `word` equals the byte repeated in `pattern` (the classic
        /// has-zero-byte test on `word ^ pattern`).
        func hasByte(_ word: UInt64, _ pattern: UInt64) -> Bool {
            let x = word ^ pattern
            return (x &- ones) & ~x & highs != 0
        }
        var offset = 0
        while offset + 8 <= utf8.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            // (byte | 0x80) - 0x20 keeps the high bit set unless the byte is below 0x20, and
            // never borrows from the next byte.
            let control = ((word | highs) &- 0x2020_2020_2020_2020) & highs != highs
            if control || hasByte(word, 0x2222_2222_2222_2222) || hasByte(word, 0x5C5C_5C5C_5C5C_5C5C) { break }
            offset += 8
        }
        return offset
    }
}
