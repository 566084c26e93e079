/// One configuration variable: its name, how to parse it and what happens when it is not set.
///
/// ```swift
/// let brokers = ConfigurationKey("PARAPET_KAFKA_BROKERS", .hostPorts)                 // required
/// let port = ConfigurationKey("PARAPET_HTTP_PORT", .port, default: 8080)              // defaulted
/// let replica = ConfigurationKey.optional("PARAPET_DATABASE_REPLICA_URL", .url(schemes: ["postgres"]))
/// ```
public struct ConfigurationKey<Value: Sendable>: Sendable {
    /// The environment variable (or configuration file key).
    public let name: String
    /// How the text is turned into a value.
    public let parser: ConfigurationParser<Value>
    /// The value used when the variable is unset or empty; `nil` makes the variable required.
    let valueWhenUnset: Value?

    /// A variable that must be set, unless `default` is given.
    public init(_ name: String, _ parser: ConfigurationParser<Value>, default: Value? = nil) {
        self.name = name
        self.parser = parser
        self.valueWhenUnset = `default`
    }

    /// A variable that may be left unset, read as `nil` then.
    public static func optional<Wrapped>(_ name: String, _ parser: ConfigurationParser<Wrapped>) -> Self
    where Value == Wrapped? {
        Self(name, parser.map { $0 }, default: .some(nil))
    }
}
