/// A closed set of names that Parapet reads from JSON or YAML (a media type, a role, a
/// behaviour): a name it does not know is refused with the names it does, not with Swift's
/// "Cannot initialize … from invalid String value".
public protocol NamedChoice: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {
    /// Other names accepted for a value on input, as platforms spell them (Meta's `photo` is an
    /// ``MediaAttachment/Kind/image``). Values are always written by their own name.
    static var aliases: [String: Self] { get }
}

extension NamedChoice {
    public static var aliases: [String: Self] { [:] }

    /// The value named `name`, by its own name or an alias.
    public init?(name: String) {
        guard let value = Self(rawValue: name) ?? Self.aliases[name] else { return nil }
        self = value
    }

    /// Every name a value is written by, in declaration order: `image, video, other`.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The message for a name that is not one of these: `"gif" is not one of image, video, other`.
    public static func unknown(_ name: String) -> String {
        "\(JSONStringEscaping.excerpt(name)) is not one of \(names)"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let value = Self(name: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.unknown(name))
        }
        self = value
    }
}
