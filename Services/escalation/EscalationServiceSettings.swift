import Foundation
import ParapetCasePages
import ParapetEscalation
import ParapetModels
import ParapetRuntime

/// The escalation service's own settings.
struct EscalationServiceSettings: Sendable {
    /// `PARAPET_ESCALATION_BATCH_SIZE`: the most verdicts handled in one transaction (default 5000).
    var batchSize: Int
    /// `PARAPET_ESCALATION_LANES`: how many transactions a batch is split into, by author, run
    /// side by side (default 2; each holds a database connection while it runs).
    var lanes: Int
    /// `PARAPET_ESCALATION_SWEEP_INTERVAL`: how often to look for overdue cases (default 5s).
    var sweepInterval: Duration
    /// `PARAPET_ACK_DEADLINE_CRITICAL`, `_HIGH`, `_MEDIUM`, `_LOW`: how long a case of that
    /// severity waits for an acknowledgement before it goes to the trust safeguarding lead
    /// (defaults 1h, 4h, 24h, 72h).
    var deadlines: [Severity: Duration]
    /// `PARAPET_ALERT_GROUP_WAIT`, `PARAPET_ALERT_GROUP_INTERVAL`, `PARAPET_ALERT_REPEAT_INTERVAL`:
    /// how long a case's first alert waits to gather a burst (default 30s, never for critical or
    /// safeguarding cases; 0s turns grouping off), the least time between alerts about one case
    /// (5m), and how often an unacknowledged case is alerted again (4h; 0s never).
    var groupWait: Duration
    var groupInterval: Duration
    var repeatInterval: Duration
    /// `PARAPET_PUBLIC_URL`: where leaders reach the case pages (default `http://127.0.0.1:8082`);
    /// their cookies are `Secure` when it is https. `PARAPET_PAGE_IDLE_TIMEOUT`: signed out after
    /// this long without a page (default 30m).
    var pages: CasePagesConfiguration

    init(_ reader: ConfigurationReader) throws(ConfigurationErrors) {
        let range = Duration.seconds(60)...Duration.seconds(30 * 24 * 3600)
        let defaults = EscalationSettings.defaultDeadlines
        let critical: Duration
        let high: Duration
        let medium: Duration
        let low: Duration
        (batchSize, sweepInterval, critical, high, medium, low) = try reader.values(
            ConfigurationKey("PARAPET_ESCALATION_BATCH_SIZE", .int(in: 1...20_000), default: 5000),
            ConfigurationKey("PARAPET_ESCALATION_SWEEP_INTERVAL", .duration(in: .seconds(1)...(.seconds(600))), default: .seconds(5)),
            ConfigurationKey("PARAPET_ACK_DEADLINE_CRITICAL", .duration(in: range), default: defaults[.critical] ?? .seconds(3600)),
            ConfigurationKey("PARAPET_ACK_DEADLINE_HIGH", .duration(in: range), default: defaults[.high] ?? .seconds(3600)),
            ConfigurationKey("PARAPET_ACK_DEADLINE_MEDIUM", .duration(in: range), default: defaults[.medium] ?? .seconds(3600)),
            ConfigurationKey("PARAPET_ACK_DEADLINE_LOW", .duration(in: range), default: defaults[.low] ?? .seconds(3600)))
        deadlines = [.critical: critical, .high: high, .medium: medium, .low: low]
        (groupWait, groupInterval, repeatInterval, lanes) = try reader.values(
            ConfigurationKey("PARAPET_ALERT_GROUP_WAIT", .duration(in: .zero...(.seconds(600))), default: .seconds(30)),
            ConfigurationKey("PARAPET_ALERT_GROUP_INTERVAL", .duration(in: .zero...(.seconds(24 * 3600))), default: .seconds(300)),
            ConfigurationKey("PARAPET_ALERT_REPEAT_INTERVAL", .duration(in: .zero...(.seconds(7 * 24 * 3600))), default: .seconds(4 * 3600)),
            ConfigurationKey("PARAPET_ESCALATION_LANES", .int(in: 1...16), default: 2))
        let (publicURL, idle) = try reader.values(
            ConfigurationKey("PARAPET_PUBLIC_URL", .url(schemes: ["http", "https"]), default: URL(string: "http://127.0.0.1:8082")),
            ConfigurationKey("PARAPET_PAGE_IDLE_TIMEOUT", .duration(in: .seconds(60)...(.seconds(12 * 3600))), default: .seconds(30 * 60)))
        pages = CasePagesConfiguration(publicURL: publicURL, idleTimeout: idle)
    }

    var escalation: EscalationSettings {
        EscalationSettings(
            acknowledgementDeadlines: deadlines, groupWait: groupWait, groupInterval: groupInterval, repeatInterval: repeatInterval)
    }
}
