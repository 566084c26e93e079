/// The Kafka topics that connect Parapet's services (docs/architecture.md, "Topics and contracts").
public enum ParapetTopic: String, CaseIterable, Sendable {
    /// Normalised posts, keyed by account id; written by ingest, read by the classifier.
    case posts = "parapet.posts"
    /// Verdicts, keyed by school and author; written by the classifier, read by escalation.
    case verdicts = "parapet.verdicts"
    /// Case events, keyed by case id; written by escalation, read by the notifier and audit.
    case caseEvents = "parapet.case-events"
    /// Notifications to send, keyed by case id; written by escalation, read by the notifier.
    case notifications = "parapet.notifications"
    /// Messages a consumer could not process, keyed by their original key, for operators.
    case deadLetters = "parapet.dead-letters"

    /// The topic's name on the broker.
    public var name: String { rawValue }
}
