import Foundation
import ParapetModels

/// How long a case may wait for a leader, per severity, before it goes to the trust
/// safeguarding lead; the defaults suit a school day, and a trust may set its own.
public struct EscalationSettings: Sendable, Hashable {
    /// Severity → how long an unacknowledged case waits before it is overdue.
    public var acknowledgementDeadlines: [Severity: Duration]

    /// Critical within the hour, high within four, medium within a day, low within three days.
    public static let defaultDeadlines: [Severity: Duration] = [
        .critical: .seconds(3600), .high: .seconds(4 * 3600), .medium: .seconds(24 * 3600), .low: .seconds(72 * 3600),
    ]

    public init(acknowledgementDeadlines: [Severity: Duration] = Self.defaultDeadlines) {
        self.acknowledgementDeadlines = Self.defaultDeadlines.merging(acknowledgementDeadlines) { _, own in own }
    }

    /// The deadline of a case of `severity`, in seconds.
    public func deadline(for severity: Severity) -> TimeInterval {
        (acknowledgementDeadlines[severity] ?? .seconds(24 * 3600)) / .seconds(1)
    }
}
