import Crypto
import Foundation

/// The encodings an email needs (RFC 2045, 2047, 5322), for ``MailMessage``.
enum MIMEEncoding {
    /// `text` as quoted-printable UTF-8 with CRLF line ends and lines of at most 76 characters.
    /// A `.` that would start a line is encoded too, so no SMTP dot-stuffing can change a line.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        var width = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // CRLF, CR and LF all end a line.
            if byte == 13 || byte == 10 {
                index += byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : 1
                out += [13, 10]
                width = 0
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 10
            let last = next == 13 || next == 10
            let dot = byte == UInt8(ascii: ".")
            var literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=") && !(dot && width == 0)) || ((byte == 32 || byte == 9) && !last)
            var size = literal ? 1 : 3
            // Room for the piece and a soft break's "=".
            if width + size > 75 {
                out += [UInt8(ascii: "="), 13, 10]
                width = 0
                // No physical line starts with a dot, after a soft break either.
                if dot {
                    literal = false
                    size = 3
                }
            }
            if literal {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
            width += size
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `Subject: value` as a header line, in RFC 2047 encoded words when `value` is not plain
    /// printable ASCII, folded so no line passes 78 characters.
    static func encodedHeader(name: String, value: String) -> String {
        if isPlain(value) { return folded("\(name): \(value)") }
        return "\(name): " + encodedWords(value).joined(separator: "\r\n ")
    }

    /// A display name: as it is when it is plain ASCII without specials, quoted when it has
    /// specials, in encoded words otherwise.
    static func phrase(_ name: String) -> String {
        guard isPlain(name) else { return encodedWords(name).joined(separator: " ") }
        if name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "'" }) { return name }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `line` folded at spaces so that no line is longer than 78 characters where a space allows.
    static func folded(_ line: String) -> String {
        guard line.utf8.count > 78 else { return line }
        var out = ""
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty {
                current = String(word)
            } else if current.utf8.count + 1 + word.utf8.count > 78 {
                out += current + "\r\n"
                current = " " + word
            } else {
                current += " " + word
            }
        }
        return out + current
    }

    /// The RFC 5322 date: `Mon, 07 Dec 2026 09:32:24 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = days[((parts.weekday ?? 1) - 1) % 7]
        let month = months[((parts.month ?? 1) - 1) % 12]
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(day), \(two(parts.day)) \(month) \(String(format: "%04d", parts.year ?? 1970)) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }

    /// A boundary token the same for the same message, so a message rendered twice is the same bytes.
    static func boundaryToken(for messageID: String) -> String {
        SHA256.hash(data: Array(messageID.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    private static func isPlain(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 32 && $0 <= 126 } && !value.contains("=?")
    }

    /// `value` as base64 encoded words of at most 75 characters each, split between characters.
    private static func encodedWords(_ value: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        // 42 bytes are 56 characters of base64, a 68-character word: after "Subject: " the line
        // is 77 characters, within RFC 5322's 78.
        for character in value {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 42, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }
}
