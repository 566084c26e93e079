import Foundation

/// A trust as its configuration describes it: the trust, its schools, accounts, contacts,
/// rosters and policy packs. Read and checked from a folder of YAML by
/// `ParapetTrustConfiguration`, stored and read back by `ParapetStore`.
public struct TrustConfiguration: Sendable, Hashable {
    public var trust: Trust
    public var schools: [School]
    public var accounts: [MonitoredAccount]
    /// School contacts; the trust's own are in `trust.contacts`.
    public var contacts: [Contact]
    public var rosters: [Roster]
    public var defaultPack: PolicyPack
    /// Each school's own pack, before merging onto the default.
    public var schoolPacks: [PolicyPack]

    /// A configuration from its parts.
    public init(
        trust: Trust, schools: [School], accounts: [MonitoredAccount], contacts: [Contact], rosters: [Roster],
        defaultPack: PolicyPack, schoolPacks: [PolicyPack]
    ) {
        self.trust = trust
        self.schools = schools
        self.accounts = accounts
        self.contacts = contacts
        self.rosters = rosters
        self.defaultPack = defaultPack
        self.schoolPacks = schoolPacks
    }

    /// The pack a school is held to: its own pack merged onto the trust default.
    public func effectivePack(for school: String) -> PolicyPack? {
        schoolPacks.first { $0.school == school }.map { $0.merged(onto: defaultPack) }
    }

    /// Every place the person with `email` is a contact: their schools' entries and any
    /// trust-level one (addresses compared without case).
    public func contacts(withEmail email: String) -> [Contact] {
        let wanted = email.lowercased()
        return (trust.contacts + contacts).filter { $0.email.lowercased() == wanted }
    }

    /// The trust's time zone; Europe/London where the configured one is unknown.
    public var timeZone: TimeZone {
        TimeZone(identifier: trust.timezone) ?? TimeZone(identifier: "Europe/London") ?? .current
    }

    /// The contact with `email` who may hear about `school`'s cases: one of the school's own,
    /// or one of the trust's; nil for anyone else, who must never be sent a case.
    public func contact(_ email: String, school: String) -> Contact? {
        let wanted = email.lowercased()
        return (contacts.filter { $0.school == school } + trust.contacts).first { $0.email.lowercased() == wanted }
    }

    /// The school's name; its id where the configuration has no such school.
    public func schoolName(_ school: String) -> String {
        schools.first { $0.id == school }?.name ?? school
    }

    /// The pupils on the school's roster.
    public func pupils(of school: String) -> [Pupil] {
        rosters.first { $0.school == school }?.pupils ?? []
    }
}
