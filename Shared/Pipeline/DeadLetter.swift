import Foundation
import ParapetKafka
import ParapetModels

/// A message a consumer could not process, as it goes to `parapet.dead-letters`: the original
/// key and value untouched, the original headers kept, and headers saying what went wrong and
/// where the message came from, so an operator can read the reason and requeue it.
public struct DeadLetter: Sendable {
    /// `dead_letter.error`: one line saying why the message could not be processed.
    public static let errorHeader = "dead_letter.error"
    /// `dead_letter.reason`: the kind of failure, a short code that metrics count by.
    public static let reasonHeader = "dead_letter.reason"
    /// `dead_letter.topic`, `dead_letter.partition`, `dead_letter.offset`: where it was read.
    public static let topicHeader = "dead_letter.topic"
    public static let partitionHeader = "dead_letter.partition"
    public static let offsetHeader = "dead_letter.offset"
    /// `dead_letter.consumer`: the consumer group that gave up on it.
    public static let consumerHeader = "dead_letter.consumer"
    /// `dead_letter.at`: when it was dead-lettered (ISO 8601, UTC).
    public static let timeHeader = "dead_letter.at"

    /// Why a message was dead-lettered, by kind.
    public enum Reason: String, Sendable, CaseIterable {
        /// Not valid UTF-8, not JSON, or not an envelope.
        case malformed
        /// An envelope of a schema (or version) this build does not read.
        case unknownSchema = "unknown_schema"
        /// A readable message of another kind than the topic carries.
        case wrongTopic = "wrong_topic"
        /// The policy engine refused the post (unknown school or account, another trust, text too long).
        case unclassifiable
        /// PostgreSQL refused the message's data.
        case unstorable
        /// Escalation cannot act on the verdict: it names a school the trust's configuration
        /// does not have, or a change the case refuses.
        case unescalatable
        /// The mail server refused the email for good (a 5xx reply, a bad address), or the
        /// notification names a recipient or case the notifier cannot send to.
        case undeliverable
    }

    public var message: KafkaMessage
    public var reason: Reason
    /// One line; names ids and fields, never a post's text or a pupil's name.
    public var error: String

    public init(message: KafkaMessage, reason: Reason, error: String) {
        self.message = message
        self.reason = reason
        self.error = error
    }

    /// The message to produce to `parapet.dead-letters` for `consumer`.
    public func outgoing(consumer: String, at date: Date = Date()) -> KafkaOutgoingMessage {
        let added = [
            KafkaHeader(name: Self.errorHeader, value: error),
            KafkaHeader(name: Self.reasonHeader, value: reason.rawValue),
            KafkaHeader(name: Self.topicHeader, value: message.topic),
            KafkaHeader(name: Self.partitionHeader, value: String(message.partition)),
            KafkaHeader(name: Self.offsetHeader, value: String(message.offset)),
            KafkaHeader(name: Self.consumerHeader, value: consumer),
            KafkaHeader(name: Self.timeHeader, value: ParapetJSON.string(from: date)),
        ]
        let kept = message.headers.filter { !$0.name.hasPrefix("dead_letter.") }
        return KafkaOutgoingMessage(topic: ParapetTopic.deadLetters.name, key: message.key, value: message.value, headers: kept + added)
    }
}
