import CoreMetrics
import ParapetModels
import ParapetStore

/// The escalation service's Prometheus series.
///
/// - `parapet_escalation_verdicts_total{outcome}`: verdicts read, by `benign`, `case_opened`,
///   `case_joined`, `duplicate` (seen before; changed nothing) and `dead_letter`.
/// - `parapet_escalation_notifications_total{mode}`: notification requests made, `immediate` or `digest`.
/// - `parapet_escalation_overdue_total`: cases sent to the trust safeguarding lead unacknowledged.
/// - `parapet_escalation_batch_seconds`: from a batch's poll to its offsets stored.
struct EscalationMetrics: Sendable {
    private let verdicts: [String: Counter]
    private let notifications: [NotifyMode: Counter]
    private let overdueCases: Counter
    private let batchSeconds: Timer

    static let outcomes = ["benign", "case_opened", "case_joined", "duplicate", "dead_letter"]

    init(factory: any MetricsFactory) {
        verdicts = Dictionary(
            uniqueKeysWithValues: Self.outcomes.map {
                ($0, Counter(label: "parapet_escalation_verdicts_total", dimensions: [("outcome", $0)], factory: factory))
            })
        notifications = Dictionary(
            uniqueKeysWithValues: NotifyMode.allCases.map {
                ($0, Counter(label: "parapet_escalation_notifications_total", dimensions: [("mode", $0.rawValue)], factory: factory))
            })
        overdueCases = Counter(label: "parapet_escalation_overdue_total", factory: factory)
        batchSeconds = Timer(label: "parapet_escalation_batch_seconds", factory: factory)
    }

    /// What one batch did.
    struct Batch {
        var verdicts: Int
        var benign = 0
        var duplicates = 0
        var deadLetters = 0
        var opened = 0
        var joined = 0
        var immediate = 0
        var digest = 0

        init(verdicts: Int) { self.verdicts = verdicts }

        mutating func record(_ changes: [CaseStore.Change]) {
            for change in changes {
                for event in change.events {
                    if case .opened = event.kind { opened += 1 }
                    if case .joined = event.kind { joined += 1 }
                }
                for notification in change.notifications {
                    if notification.mode == .immediate { immediate += 1 } else { digest += 1 }
                }
            }
        }
    }

    func record(_ batch: Batch, duration: Duration) {
        verdicts["benign"]?.increment(by: batch.benign)
        verdicts["case_opened"]?.increment(by: batch.opened)
        verdicts["case_joined"]?.increment(by: batch.joined)
        verdicts["duplicate"]?.increment(by: batch.duplicates)
        verdicts["dead_letter"]?.increment(by: batch.deadLetters)
        notifications[.immediate]?.increment(by: batch.immediate)
        notifications[.digest]?.increment(by: batch.digest)
        batchSeconds.recordNanoseconds(Int64(duration / .nanoseconds(1)))
    }

    func overdue(_ count: Int) { overdueCases.increment(by: count) }
}
