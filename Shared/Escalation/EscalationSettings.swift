import Foundation
import ParapetModels

/// How long a case may wait for a leader, per severity, before it goes further up the chain,
/// and how alerts about it are grouped; the defaults suit a school day, and a trust may set its
/// own.
public struct EscalationSettings: Sendable, Hashable {
    /// Severity → how long an unacknowledged case waits before it is overdue.
    public var acknowledgementDeadlines: [Severity: Duration]
    /// Severity → how long an acknowledged case may go without a recorded step before it goes to
    /// the next person up the chain (PagerDuty's acknowledgement timeout).
    public var stepDeadlines: [Severity: Duration]
    /// How long a case's first alert is held so that a burst of posts makes one alert
    /// (Alertmanager's `group_wait`); never for a critical or safeguarding case.
    public var groupWait: Duration
    /// After an alert, the least time before the next update about the same case
    /// (`group_interval`): what arrives meanwhile is gathered into that one update.
    public var groupInterval: Duration
    /// How often an unacknowledged case is alerted again (`repeat_interval`).
    public var repeatInterval: Duration

    /// Critical within the hour, high within four, medium within a day, low within three days.
    public static let defaultDeadlines: [Severity: Duration] = [
        .critical: .seconds(3600), .high: .seconds(4 * 3600), .medium: .seconds(24 * 3600), .low: .seconds(72 * 3600),
    ]
    /// A step after acknowledging: critical within four hours, high within a day, medium within
    /// three days, low within a week.
    public static let defaultStepDeadlines: [Severity: Duration] = [
        .critical: .seconds(4 * 3600), .high: .seconds(24 * 3600), .medium: .seconds(72 * 3600), .low: .seconds(7 * 24 * 3600),
    ]

    public init(
        acknowledgementDeadlines: [Severity: Duration] = Self.defaultDeadlines, stepDeadlines: [Severity: Duration] = Self.defaultStepDeadlines,
        groupWait: Duration = .seconds(30), groupInterval: Duration = .seconds(300), repeatInterval: Duration = .seconds(4 * 3600)
    ) {
        self.acknowledgementDeadlines = Self.defaultDeadlines.merging(acknowledgementDeadlines) { _, own in own }
        self.stepDeadlines = Self.defaultStepDeadlines.merging(stepDeadlines) { _, own in own }
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
    }

    /// The acknowledgement deadline of a case of `severity`, in seconds.
    public func deadline(for severity: Severity) -> TimeInterval {
        (acknowledgementDeadlines[severity] ?? .seconds(24 * 3600)) / .seconds(1)
    }

    /// The step deadline after acknowledging a case of `severity`, in seconds.
    public func stepDeadline(for severity: Severity) -> TimeInterval {
        (stepDeadlines[severity] ?? .seconds(72 * 3600)) / .seconds(1)
    }

    /// This trust's settings: its own deadlines (``Trust/acknowledgementDeadlines``) over these.
    public func applying(_ trust: Trust) -> EscalationSettings {
        var settings = self
        for (severity, seconds) in trust.acknowledgementDeadlines { settings.acknowledgementDeadlines[severity] = .seconds(seconds) }
        for (severity, seconds) in trust.stepDeadlines { settings.stepDeadlines[severity] = .seconds(seconds) }
        return settings
    }
}
