import Foundation
import Logging
import ParapetModels
import ParapetStore

/// An ``Escalator`` per trust applied to PostgreSQL, rebuilt when `config apply` changes the
/// configuration (one stamp query per check, as the classifier does).
actor TrustEscalators {
    private let store: TrustConfigurationStore
    private let settings: EscalationSettings
    private let logger: Logger
    private var stamp: ConfigurationStamp?
    private(set) var escalators: [String: Escalator] = [:]

    init(store: TrustConfigurationStore, settings: EscalationSettings, logger: Logger) {
        self.store = store
        self.settings = settings
        self.logger = logger
    }

    /// Rebuilds the escalators if the stored configuration changed; returns whether it did.
    @discardableResult
    func refreshIfChanged() async throws -> Bool {
        let current = try await store.stamp()
        guard current != stamp else { return false }
        var built: [String: Escalator] = [:]
        for trust in try await store.trustIDs() {
            guard let stored = try await store.load(trust: trust) else { continue }
            built[trust] = Escalator(configuration: stored.configuration, settings: settings)
        }
        logger.info(
            stamp == nil ? "escalation rules built" : "escalation rules rebuilt: the trust configuration changed",
            metadata: ["trusts": "\(built.keys.sorted())"])
        escalators = built
        stamp = current
        return true
    }
}
