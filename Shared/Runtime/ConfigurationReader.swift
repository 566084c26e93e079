import Foundation

/// Reads typed settings from the process environment and, optionally, a `KEY=VALUE` file.
///
/// If `PARAPET_CONFIG_FILE` names a file, its variables are read first and the environment
/// overrides them, so a container can ship a file and a deployment can still change one value.
/// A variable set to an empty string counts as unset.
///
/// ```swift
/// let reader = try ConfigurationReader()
/// let brokers = try reader.value("PARAPET_KAFKA_BROKERS", .hostPorts)
/// let (url, poll) = try reader.values(
///     ConfigurationKey("PARAPET_DATABASE_URL", .url(schemes: ["postgres", "postgresql"])),
///     ConfigurationKey("PARAPET_POLL_INTERVAL", .duration(), default: .seconds(1)))
/// ```
///
/// Every problem is a ``ConfigurationError`` whose description is one line; ``values(_:)`` reports
/// every bad variable at once as ``ConfigurationErrors``.
public struct ConfigurationReader: Sendable {
    /// The variable naming the optional configuration file.
    public static let configFileVariable = "PARAPET_CONFIG_FILE"

    private struct Entry: Sendable {
        var value: String
        var location: ConfigurationError.Location?
    }

    private let entries: [String: Entry]

    /// A reader over `environment`, plus the file it names in `PARAPET_CONFIG_FILE`, if any.
    ///
    /// - Throws: every problem with the file: missing, unreadable, or each malformed line.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationErrors) {
        var entries: [String: Entry] = [:]
        if let path = environment[Self.configFileVariable]?.trimmingSpaces(), !path.isEmpty {
            let file = try EnvironmentFile.load(path: path, variable: Self.configFileVariable)
            for (key, entry) in file.entries {
                entries[key] = Entry(value: entry.value, location: .init(path: path, line: entry.line))
            }
        }
        for (key, value) in environment {
            entries[key] = Entry(value: value, location: nil)
        }
        self.entries = entries
    }

    /// A reader over exactly `values`, without looking for a configuration file (for tests and tools).
    public init(values: [String: String]) {
        self.entries = values.mapValues { Entry(value: $0, location: nil) }
    }

    /// The trimmed text of `name`, or `nil` if it is unset or empty.
    public func text(_ name: String) -> String? {
        guard let value = entries[name]?.value.trimmingSpaces(), !value.isEmpty else { return nil }
        return value
    }

    /// Where `name` was set in the configuration file, or `nil` if it came from the environment or is unset.
    public func location(of name: String) -> ConfigurationError.Location? {
        entries[name]?.location
    }

    /// The value of `key`: parsed if set, the key's default if unset, or an error.
    public func value<Value>(_ key: ConfigurationKey<Value>) throws(ConfigurationError) -> Value {
        guard let text = text(key.name) else {
            guard let fallback = key.valueWhenUnset else {
                throw ConfigurationError.missing(key.name, expected: key.parser.expected)
            }
            return fallback
        }
        do {
            return try key.parser.parse(text)
        } catch {
            throw ConfigurationError(
                kind: error.kind, variable: key.name, shownValue: ConfigurationError.show(text, of: key.name),
                reason: error.reason, expected: key.parser.expected, location: location(of: key.name))
        }
    }

    /// The value of `name` parsed by `parser`; required unless `default` is given.
    public func value<Value>(
        _ name: String, _ parser: ConfigurationParser<Value>, default: Value? = nil
    ) throws(ConfigurationError) -> Value {
        try value(ConfigurationKey(name, parser, default: `default`))
    }

    /// The value of `name` parsed by `parser`, or `nil` if it is unset.
    public func optionalValue<Value>(_ name: String, _ parser: ConfigurationParser<Value>) throws(ConfigurationError) -> Value? {
        try value(ConfigurationKey.optional(name, parser))
    }

    /// The values of all `keys`, or every problem among them at once.
    ///
    /// ```swift
    /// let (brokers, group) = try reader.values(
    ///     ConfigurationKey("PARAPET_KAFKA_BROKERS", .hostPorts),
    ///     ConfigurationKey("PARAPET_KAFKA_GROUP", .string, default: "classifier"))
    /// ```
    public func values<each Value>(_ keys: repeat ConfigurationKey<each Value>) throws(ConfigurationErrors) -> (repeat each Value) {
        var problems: [ConfigurationError] = []
        func attempt<V>(_ key: ConfigurationKey<V>) -> V? {
            do {
                return try value(key)
            } catch {
                problems.append(error)
                return nil
            }
        }
        func unwrap<V>(_ value: V?) throws(ConfigurationErrors) -> V {
            guard let value else { throw ConfigurationErrors(problems) }
            return value
        }
        let results = (repeat attempt(each keys))
        guard problems.isEmpty else { throw ConfigurationErrors(problems) }
        return (repeat try unwrap(each results))
    }
}
