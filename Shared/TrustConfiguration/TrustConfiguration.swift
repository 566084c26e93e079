import Foundation
import ParapetModels

/// A trust as its configuration folder describes it, checked for consistency.
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

    /// A configuration from its parts, as read back from PostgreSQL; ``load(from:)`` reads and
    /// checks a folder.
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

    /// Reads and checks every file of the folder; throws every problem found, each naming its
    /// file, line and field.
    public static func load(from directory: URL) throws(TrustConfigurationError) -> TrustConfiguration {
        let loader = TrustConfigurationLoader(directory: directory)
        guard let configuration = loader.load(), loader.log.problems.isEmpty else {
            throw TrustConfigurationError(problems: loader.log.sorted)
        }
        return configuration
    }
}
