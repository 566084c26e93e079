import Foundation
import Logging
import ParapetModels
import ParapetStore

/// Each trust's configuration as applied to PostgreSQL, read again when `config apply` changes
/// it (one stamp query per check, as the classifier and escalation do).
actor TrustDirectory {
    private let store: TrustConfigurationStore
    private let logger: Logger
    private var stamp: ConfigurationStamp?
    private(set) var trusts: [String: TrustConfiguration] = [:]

    init(store: TrustConfigurationStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Reads the configurations again if the stored ones changed; returns whether they did.
    @discardableResult
    func refreshIfChanged() async throws -> Bool {
        let current = try await store.stamp()
        guard current != stamp else { return false }
        var loaded: [String: TrustConfiguration] = [:]
        for trust in try await store.trustIDs() {
            if let stored = try await store.load(trust: trust) { loaded[trust] = stored.configuration }
        }
        logger.info(stamp == nil ? "trust configuration loaded" : "trust configuration reloaded", metadata: ["trusts": "\(loaded.keys.sorted())"])
        trusts = loaded
        stamp = current
        return true
    }
}

extension TrustConfiguration {
    /// The contact with `email` who may hear about `school`'s cases: one of the school's own,
    /// or one of the trust's; nil for anyone else, who must never be sent a case.
    func contact(_ email: String, school: String) -> Contact? {
        let wanted = email.lowercased()
        return (contacts.filter { $0.school == school } + trust.contacts).first { $0.email.lowercased() == wanted }
    }

    /// The school's name; its id where the configuration has no such school.
    func schoolName(_ school: String) -> String {
        schools.first { $0.id == school }?.name ?? school
    }

    /// The pupils on the school's roster.
    func pupils(of school: String) -> [Pupil] {
        rosters.first { $0.school == school }?.pupils ?? []
    }

    /// The trust's time zone; Europe/London where the configured one is unknown.
    var timeZone: TimeZone {
        TimeZone(identifier: trust.timezone) ?? TimeZone(identifier: "Europe/London") ?? .current
    }
}
