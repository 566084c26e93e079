import CoreMetrics
import ParapetModels
import ParapetPipeline

/// The classifier's Prometheus series, made once (making a metric takes a lock in the factory)
/// and added to a batch at a time.
///
/// - `parapet_classifier_posts_classified_total`: posts the engine judged and whose verdicts were stored now.
/// - `parapet_classifier_verdicts_total{severity}`: those verdicts by their severity, `benign` for none.
/// - `parapet_classifier_duplicates_total`: messages seen before, whose stored verdict was re-emitted.
/// - `parapet_classifier_removed_total`: removed posts, marked processed and not classified.
/// - `parapet_classifier_dead_letters_total{reason}`: messages sent to `parapet.dead-letters`.
/// - `parapet_classifier_batch_seconds`: from a batch's poll to its offsets stored.
/// - `parapet_classifier_batch_messages`: messages per batch.
/// - `parapet_classifier_engine_loads_total`, `parapet_classifier_engine_load_seconds`: engine (re)builds.
struct ClassifierMetrics: Sendable {
    private let classified: Counter
    private let verdicts: [String: Counter]
    private let duplicates: Counter
    private let removed: Counter
    private let deadLetters: [DeadLetter.Reason: Counter]
    private let batchSeconds: Timer
    private let batchMessages: Recorder
    private let engineLoads: Counter
    private let engineLoadSeconds: Timer

    init(factory: any MetricsFactory = MetricsSystem.factory) {
        classified = Counter(label: "parapet_classifier_posts_classified_total", factory: factory)
        verdicts = Dictionary(
            uniqueKeysWithValues: (["benign"] + Severity.allCases.map(\.rawValue)).map {
                ($0, Counter(label: "parapet_classifier_verdicts_total", dimensions: [("severity", $0)], factory: factory))
            })
        duplicates = Counter(label: "parapet_classifier_duplicates_total", factory: factory)
        removed = Counter(label: "parapet_classifier_removed_total", factory: factory)
        deadLetters = Dictionary(
            uniqueKeysWithValues: DeadLetter.Reason.allCases.map {
                ($0, Counter(label: "parapet_classifier_dead_letters_total", dimensions: [("reason", $0.rawValue)], factory: factory))
            })
        batchSeconds = Timer(label: "parapet_classifier_batch_seconds", factory: factory)
        batchMessages = Recorder(label: "parapet_classifier_batch_messages", factory: factory)
        engineLoads = Counter(label: "parapet_classifier_engine_loads_total", factory: factory)
        engineLoadSeconds = Timer(label: "parapet_classifier_engine_load_seconds", factory: factory)
    }

    /// Counts one finished batch.
    func record(_ summary: BatchSummary, duration: Duration) {
        classified.increment(by: summary.classified)
        for (severity, count) in summary.verdictsBySeverity where count > 0 { verdicts[severity]?.increment(by: count) }
        duplicates.increment(by: summary.duplicates)
        removed.increment(by: summary.removed)
        for (reason, count) in summary.deadLetters where count > 0 { deadLetters[reason]?.increment(by: count) }
        batchSeconds.recordNanoseconds(Int64(duration / .nanoseconds(1)))
        batchMessages.record(summary.messages)
    }

    func engineLoaded(seconds: Double) {
        engineLoads.increment()
        engineLoadSeconds.recordSeconds(seconds)
    }
}

/// What one batch came to, for metrics and logs.
struct BatchSummary: Sendable, Equatable {
    var messages = 0
    /// New verdicts stored.
    var classified = 0
    /// New verdicts by severity, `benign` for none.
    var verdictsBySeverity: [String: Int] = [:]
    var duplicates = 0
    var removed = 0
    var deadLetters: [DeadLetter.Reason: Int] = [:]

    mutating func add(_ other: BatchSummary) {
        messages += other.messages
        classified += other.classified
        verdictsBySeverity.merge(other.verdictsBySeverity, uniquingKeysWith: +)
        duplicates += other.duplicates
        removed += other.removed
        deadLetters.merge(other.deadLetters, uniquingKeysWith: +)
    }
}
