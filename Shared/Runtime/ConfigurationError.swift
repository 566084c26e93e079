import ParapetCodecs

/// One thing wrong with the configuration, described on one line that names the variable,
/// what was wrong and what is expected.
///
/// ```
/// PARAPET_HTTP_PORT: "80x" is not a whole number (expected 1...65535)
/// PARAPET_KAFKA_BROKERS is not set (expected host:port[,host:port...])
/// /etc/parapet/ingest.env:3: line is not KEY=VALUE (expected KEY=VALUE, a # comment or a blank line)
/// ```
///
/// The offending value is stored only as it may be shown: secrets are already redacted.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is, for code that reacts to it; people read ``description``.
    public enum Kind: Sendable, Equatable {
        /// A required variable is not set (or is set to an empty value).
        case missing
        /// The value does not have the expected form.
        case invalid
        /// The value has the right form but lies outside the allowed range.
        case outOfRange
        /// The configuration file named by `PARAPET_CONFIG_FILE` cannot be read.
        case unreadableFile
        /// A line of the configuration file is not `KEY=VALUE`.
        case malformedFile
    }

    /// Where in a configuration file a value or problem comes from.
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public init(path: String, line: Int) {
            self.path = path
            self.line = line
        }
        public var description: String { "\(path):\(line)" }
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// The variable concerned, if the problem is about one.
    public var variable: String?
    /// The offending value, quoted and escaped for display, secrets redacted; `nil` when there is none.
    public var shownValue: String?
    /// What is wrong, e.g. `is not a whole number`.
    public var reason: String
    /// What a valid value looks like, e.g. `1...65535`.
    public var expected: String?
    /// The file and line the value came from, when it came from the configuration file.
    public var location: Location?

    public init(
        kind: Kind, variable: String?, shownValue: String? = nil, reason: String,
        expected: String? = nil, location: Location? = nil
    ) {
        self.kind = kind
        self.variable = variable
        self.shownValue = shownValue
        self.reason = reason
        self.expected = expected
        self.location = location
    }

    /// A required variable that is not set.
    public static func missing(_ variable: String, expected: String?) -> Self {
        Self(kind: .missing, variable: variable, reason: "is not set", expected: expected)
    }

    /// How `value` of `variable` is shown in messages: redacted if secret, escaped and quoted, shortened if long.
    public static func show(_ value: String, of variable: String) -> String {
        let visible = Redaction.displayValue(value, name: variable)
        guard visible != Redaction.placeholder else { return visible }
        let limit = 80
        let shortened = visible.count > limit ? String(visible.prefix(limit)) + "…" : visible
        return JSONStringEscaping.quoted(shortened)
    }

    public var description: String {
        var line = location.map { "\($0): " } ?? ""
        if let variable {
            line += variable
            if let shownValue {
                line += ": \(shownValue) "
            } else {
                line += kind == .missing ? " " : ": "
            }
        } else if let shownValue {
            line += "\(shownValue) "
        }
        line += reason
        if let expected { line += " (expected \(expected))" }
        return line
    }
}

/// Every problem found in the configuration, so an operator can fix them all in one go.
///
/// Its description has one problem per line.
public struct ConfigurationErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [ConfigurationError]

    public init(_ errors: [ConfigurationError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
