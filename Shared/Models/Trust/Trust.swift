/// A multi-academy trust: the charity that runs the schools Parapet watches.
public struct Trust: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    /// IANA time zone for digests and "today", e.g. `Europe/London`.
    public var timezone: String
    /// Trust-level contacts, such as the trust safeguarding lead.
    public var contacts: [Contact]

    public init(id: String, name: String, timezone: String, contacts: [Contact]) {
        self.id = id
        self.name = name
        self.timezone = timezone
        self.contacts = contacts
    }
}
