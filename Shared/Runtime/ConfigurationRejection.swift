/// Why a ``ConfigurationParser`` refused a value: the reason phrase only, since the reader adds
/// the variable name, the (redacted) value and what is expected.
public struct ConfigurationRejection: Error, Sendable, Equatable {
    public var kind: ConfigurationError.Kind
    /// A phrase that follows the value, e.g. `is not a whole number`.
    public var reason: String

    public init(_ reason: String, kind: ConfigurationError.Kind = .invalid) {
        self.kind = kind
        self.reason = reason
    }

    /// A value of the right form outside the allowed range.
    public static let outOfRange = Self("is out of range", kind: .outOfRange)
}
