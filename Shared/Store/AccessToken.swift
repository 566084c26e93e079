import Crypto
import Foundation
import ParapetCodecs
import ParapetModels

/// A case API token as stored: whose it is, in what role, for which school, until when.
///
/// The token a person holds is `parapet_<id: 32 hex>_<secret: 64 hex>`; only the SHA-256 of the
/// secret is stored, so a copy of the database cannot be used to call the API.
public struct AccessToken: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var trust: String
    public var email: String
    public var name: String
    public var role: ContactRole
    /// The one school the token may see; nil for the whole trust.
    public var school: String?
    public var issuedAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?
    public var lastUsedAt: Date?

    public init(
        id: UUID, trust: String, email: String, name: String, role: ContactRole, school: String?, issuedAt: Date, expiresAt: Date,
        revokedAt: Date? = nil, lastUsedAt: Date? = nil
    ) {
        self.id = id
        self.trust = trust
        self.email = email
        self.name = name
        self.role = role
        self.school = school
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }

    /// The token text's parts, or nil when `text` is not shaped like a token.
    public static func parse(_ text: some StringProtocol) -> (id: UUID, secret: [UInt8])? {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "parapet", let idBytes = HexDigit.bytes(parts[1], count: 16),
            let secret = HexDigit.bytes(parts[2], count: 32)
        else { return nil }
        let id = idBytes.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
        return (id, secret)
    }

    /// The token text for `id` and `secret`.
    static func text(id: UUID, secret: [UInt8]) -> String {
        let idBytes = withUnsafeBytes(of: id.uuid) { Array($0) }
        return "parapet_\(HexDigit.lowercased(idBytes))_\(HexDigit.lowercased(secret))"
    }

    /// What is stored of a secret.
    static func digest(_ secret: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: secret)) }

    /// Whether `secret` is the one whose digest is `stored`, compared in full whatever differs
    /// first, so the time taken tells nothing.
    static func matches(_ stored: [UInt8], _ secret: [UInt8]) -> Bool {
        sameInConstantTime(stored, digest(secret))
    }

    /// Whether `a` and `b` are equal, every byte compared whatever differs first, so the time
    /// taken tells nothing about a secret.
    public static func sameInConstantTime(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && zip(a, b).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
    }

    /// 32 random bytes from the system's generator: a new token's, link's or cookie's secret.
    public static func newSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
