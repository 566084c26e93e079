import Foundation
import Logging
import ParapetKafka
import ParapetModels
import ParapetPipeline
import ParapetStore

/// Publishes committed case changes: their events to `parapet.case-events`, their
/// notifications to `parapet.notifications`, with any dead letters, and marks the rows
/// published once Kafka acknowledged them. What it cannot publish stays in the outbox, and the
/// escalation service's sweep publishes it later under the same ids.
public struct CasePublisher: Sendable {
    let producer: KafkaProducer
    let cases: CaseStore
    let logger: Logger

    /// Publishes, retrying until Kafka takes everything (the consumer's offsets wait on it).
    func publish(_ changes: [CaseStore.Change], deadLetters: [DeadLetter], now: Date) async throws {
        let (events, notifications, messages) = try outgoing(changes, deadLetters: deadLetters, now: now)
        try await sendAndMark(messages, events: events, notifications: notifications)
    }

    /// Publishes outbox rows an earlier run left unpublished, under their own ids, retrying.
    func republish(events: [CaseStore.Outgoing<CaseEvent>], notifications: [CaseStore.Outgoing<CaseNotification>]) async throws {
        try await sendAndMark(
            try Self.messages(events) + Self.messages(notifications), events: events.map(\.payload.id),
            notifications: notifications.map(\.payload.id))
    }

    private func sendAndMark(_ messages: [KafkaOutgoingMessage], events: [UUID], notifications: [UUID]) async throws {
        guard !messages.isEmpty else { return }
        _ = try await Retrying.untilDone("publish case events", logger: logger) { try await producer.send(messages) }
        try await Retrying.untilDone("mark case events published", logger: logger) {
            try await cases.markPublished(events: events, notifications: notifications)
        }
    }

    /// Publishes once, for a change already committed by the case API: on failure the rows stay
    /// in the outbox for the sweep, and the caller's answer does not wait on Kafka.
    public func publishOnce(_ changes: [CaseStore.Change], now: Date) async {
        do {
            let (events, notifications, messages) = try outgoing(changes, deadLetters: [], now: now)
            guard !messages.isEmpty else { return }
            _ = try await producer.send(messages)
            try await cases.markPublished(events: events, notifications: notifications)
        } catch {
            logger.warning("case change not published yet; the outbox sweep will publish it", metadata: ["error": "\(error)"])
        }
    }

    /// What to send now: every event, and the notifications not held past `now` (the sweep
    /// sends held ones when their time comes), each in its last revision.
    private func outgoing(
        _ changes: [CaseStore.Change], deadLetters: [DeadLetter], now: Date
    ) throws -> (events: [UUID], notifications: [UUID], messages: [KafkaOutgoingMessage]) {
        let events: [CaseStore.Outgoing<CaseEvent>] = changes.flatMap { change in
            change.events.map { CaseStore.Outgoing(trust: change.trust, payload: $0) }
        }
        var latest: [UUID: Int] = [:]
        var notifications: [CaseStore.Outgoing<CaseNotification>] = []
        for change in changes {
            for notification in change.notifications + change.revised {
                let outgoing = CaseStore.Outgoing(trust: change.trust, payload: notification)
                if let index = latest[notification.id] {
                    notifications[index] = outgoing
                } else {
                    latest[notification.id] = notifications.count
                    notifications.append(outgoing)
                }
            }
        }
        notifications.removeAll { ($0.payload.sendAfter ?? now) > now }
        var messages = try Self.messages(events) + Self.messages(notifications)
        for letter in deadLetters {
            logger.warning(
                "message dead-lettered",
                metadata: [
                    "reason": "\(letter.reason.rawValue)", "error": "\(letter.error)",
                    "origin": "\(letter.message.topic)[\(letter.message.partition)]@\(letter.message.offset)",
                ])
            messages.append(letter.outgoing(consumer: EscalationConfiguration.consumerGroup))
        }
        return (events.map(\.payload.id), notifications.map(\.payload.id), messages)
    }

    /// Each payload in its envelope (its own id as the envelope's, so consumers drop repeats).
    static func messages<Payload: EventPayload & Identifiable<UUID>>(_ outgoing: [CaseStore.Outgoing<Payload>]) throws -> [KafkaOutgoingMessage] {
        var messages = EventMessages<Payload>()
        return try outgoing.map { item in
            let envelope = Envelope(id: item.payload.id, trust: item.trust, payload: item.payload)
            return messages.message(key: envelope.partitionKey, value: try Payload.encodedEnvelope(envelope))
        }
    }
}
