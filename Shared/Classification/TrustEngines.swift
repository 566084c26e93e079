import Foundation
import Logging
import ParapetModels
import ParapetPolicyEngine
import ParapetStore

/// The policy engine of every trust applied to PostgreSQL, kept up to date with `config apply`.
///
/// ``refreshIfChanged()`` compares the configuration tables' ``ConfigurationStamp`` with the
/// one the engines were built from (one cheap query) and rebuilds them only when it moved: a
/// new pack version, or any roster, account, school or contact change (names matter to the
/// engine as much as clauses do). The classifier calls it on an interval, and once when a post
/// names a school, account or trust the engines do not know, before dead-lettering it.
actor TrustEngines {
    private let store: TrustConfigurationStore
    private let logger: Logger
    private let metrics: ClassifierMetrics
    private var stamp: ConfigurationStamp?
    private(set) var engines: [String: PolicyEngine] = [:]
    private var lastMissRefresh: ContinuousClock.Instant?

    /// Refreshes on a miss at most this often, so a stream of posts for a school nobody
    /// configured costs one stamp query a second, not one per batch.
    static let missRefreshInterval: Duration = .seconds(1)

    init(store: TrustConfigurationStore, metrics: ClassifierMetrics, logger: Logger) {
        self.store = store
        self.metrics = metrics
        self.logger = logger
    }

    /// Rebuilds the engines when the stored configuration changed since they were built;
    /// returns whether it rebuilt them.
    @discardableResult
    func refreshIfChanged() async throws -> Bool {
        let current = try await store.stamp()
        guard current != stamp else { return false }
        var built: [String: PolicyEngine] = [:]
        var versions: [String: [String: Int]] = [:]
        let started = ContinuousClock.now
        for trust in try await store.trustIDs() {
            guard let stored = try await store.load(trust: trust) else { continue }
            built[trust] = try PolicyEngine(configuration: stored.configuration, packVersions: stored.packVersions)
            versions[trust] = stored.packVersions
        }
        let reloaded = stamp != nil
        engines = built
        stamp = current
        metrics.engineLoaded(seconds: (ContinuousClock.now - started) / .seconds(1))
        logger.info(
            reloaded ? "policy engines rebuilt: the trust configuration changed" : "policy engines built",
            metadata: [
                "trusts": "\(built.keys.sorted())",
                "pack_versions": "\(versions.mapValues { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") })",
                "seconds": "\(String(format: "%.3f", (ContinuousClock.now - started) / .seconds(1)))",
            ])
        return true
    }

    /// ``refreshIfChanged()`` for a post the engines do not know, at most once per
    /// ``missRefreshInterval``; errors are logged, and the post dead-lettered by the caller.
    func refreshAfterMiss() async -> Bool {
        let now = ContinuousClock.now
        if let last = lastMissRefresh, now - last < Self.missRefreshInterval { return false }
        lastMissRefresh = now
        do {
            return try await refreshIfChanged()
        } catch {
            logger.warning("cannot reload the trust configuration", metadata: ["error": "\(error)"])
            return false
        }
    }
}
