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
