/// Writing JSON string literals, for error bodies and for quoting values in error messages.
enum JSONText {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: some StringProtocol) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `text` quoted for an error message, cut to `limit` characters with `…` so that one huge
    /// value cannot make a huge message.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        guard text.count > limit else { return quoted(text) }
        return quoted(text.prefix(limit) + "…")
    }
}
