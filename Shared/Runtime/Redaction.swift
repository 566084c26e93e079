import Foundation

/// Keeps secrets out of error messages and logs.
///
/// Two rules: a variable whose name says it holds a secret is never shown, and a URL never shows
/// the password in its user-info part.
public enum Redaction {
    /// What is shown in place of a secret.
    public static let placeholder = "<redacted>"

    /// Words that mark a variable or metadata key as secret, matched case-insensitively anywhere in the name.
    public static let secretNameMarkers = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "CREDENTIAL", "API_KEY", "PRIVATE_KEY"]

    /// Whether a variable or metadata key named `name` holds a secret.
    public static func isSecret(name: String) -> Bool {
        let upper = name.uppercased()
        return secretNameMarkers.contains { upper.contains($0) }
    }

    /// `text` with the password of every `scheme://user:password@host` URL in it replaced by `***`.
    ///
    /// Works on free text (error messages, log lines), not only on a lone URL, and does not need the
    /// URL to parse: a malformed URL is exactly the kind of value that ends up in an error message.
    public static func redactingURLPasswords(in text: String) -> String {
        guard text.contains("://") else { return text }
        var result = ""
        var rest = Substring(text)
        while let schemeEnd = rest.range(of: "://") {
            result += rest[..<schemeEnd.upperBound]
            rest = rest[schemeEnd.upperBound...]
            // The authority ends at the first character that cannot be part of it.
            let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" || $0 == " " || $0 == "\"" || $0 == "\n" } ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                result += authority[...colon]
                result += "***"
                result += authority[at...]
            } else {
                result += authority
            }
            rest = rest[authorityEnd...]
        }
        result += rest
        return result
    }

    /// How the value of variable `name` may be shown: hidden whole for a secret name, URL passwords masked otherwise.
    public static func displayValue(_ value: String, name: String) -> String {
        isSecret(name: name) ? placeholder : redactingURLPasswords(in: value)
    }

    /// One line of text for `error`, with URL passwords masked, for messages that must stay on one line.
    public static func oneLine(_ error: any Error) -> String {
        oneLine(String(describing: error))
    }

    /// `text` on one line (line breaks become spaces), with URL passwords masked.
    public static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
        return redactingURLPasswords(in: flat)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
