import Crypto
import Foundation
import ParapetModels

/// The ids escalation gives what it makes, derived from what caused it, so that doing the same
/// work again (after a crash before the commit, or in a test that replays) makes the same ids.
enum CaseIdentity {
    /// The case a verdict opens.
    static func caseID(openedBy verdict: UUID) -> UUID { named("parapet.case:\(verdict.lowercasedString)") }

    /// The event with `sequence` in case `caseID`: one event per place in a case's history.
    static func eventID(case caseID: UUID, sequence: Int) -> UUID {
        named("parapet.case-event:\(caseID.lowercasedString):\(sequence)")
    }

    /// The notification about event `eventID`.
    static func notificationID(event eventID: UUID) -> UUID { named("parapet.notification:\(eventID.lowercasedString)") }

    /// The reminder that follows the alert sent at `alertAt`: one per alert, so a sweep run
    /// twice reminds once.
    static func reminderID(case caseID: UUID, after alertAt: Date) -> UUID {
        named("parapet.reminder:\(caseID.lowercasedString):\(Int64((alertAt.timeIntervalSince1970 * 1000).rounded()))")
    }

    private static func named(_ name: String) -> UUID {
        SHA256.hash(data: Array(name.utf8)).withUnsafeBytes { UUID(version8Hash: $0) }
    }
}
