/// Hand-written JSON text for log lines and small HTTP bodies.
///
/// Written by hand rather than with `JSONEncoder` so that keys come out in a fixed, readable order
/// and a log line costs no intermediate allocations beyond the string itself.
enum JSONText {
    /// `value` as a quoted JSON string.
    static func quoted(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count + 2)
        appendQuoted(value, to: &out)
        return out
    }

    /// Appends `value` as a quoted JSON string, escaping quotes, backslashes and control characters.
    static func appendQuoted(_ value: String, to out: inout String) {
        out.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            // Line and paragraph separators are valid JSON but break JavaScript and some log viewers.
            case "\u{2028}", "\u{2029}", "\u{7F}":
                appendUnicodeEscape(scalar.value, to: &out)
            default:
                if scalar.value < 0x20 {
                    appendUnicodeEscape(scalar.value, to: &out)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }

    /// A JSON object whose values are already JSON text, in the order given.
    static func object(_ fields: [(key: String, json: String)]) -> String {
        var out = "{"
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(",") }
            appendQuoted(field.key, to: &out)
            out.append(":")
            out.append(field.json)
        }
        out.append("}")
        return out
    }

    /// A JSON object of string values, keys sorted so output is stable.
    static func object(strings: [String: String]) -> String {
        object(strings.sorted { $0.key < $1.key }.map { (key: $0.key, json: quoted($0.value)) })
    }

    private static func appendUnicodeEscape(_ value: UInt32, to out: inout String) {
        let hex = Array("0123456789abcdef")
        out.append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
