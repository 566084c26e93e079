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
}
