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
    /// `written` holds the payloads' JSON as the transaction wrote it.
    func publish(_ changes: [CaseStore.Change], written: CaseStore.Written, deadLetters: [DeadLetter], now: Date) async throws {
        let (events, notifications, messages) = try outgoing(changes, written: written, deadLetters: deadLetters, now: now)
        try await sendAndMark(messages, events: events, notifications: notifications)
    }

    /// Publishes outbox rows an earlier run left unpublished (or held until now), under their
    /// own ids, retrying.
    func republish(events: [CaseStore.OutboxRow], notifications: [CaseStore.OutboxRow]) async throws {
        var eventMessages = EventMessages<CaseEvent>()
        var notificationMessages = EventMessages<CaseNotification>()
        let messages =
            events.map { eventMessages.message(key: $0.key, value: $0.header.envelopeJSON(payloadJSON: $0.json)) }
            + notifications.map { notificationMessages.message(key: $0.key, value: $0.header.envelopeJSON(payloadJSON: $0.json)) }
        try await sendAndMark(messages, events: events.map(\.header.id), notifications: notifications.map(\.header.id))
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
    public func publishOnce(_ changes: [CaseStore.Change], written: CaseStore.Written, now: Date) async {
        do {
            let (events, notifications, messages) = try outgoing(changes, written: written, deadLetters: [], now: now)
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
        _ changes: [CaseStore.Change], written: CaseStore.Written, deadLetters: [DeadLetter], now: Date
    ) throws -> (events: [UUID], notifications: [UUID], messages: [KafkaOutgoingMessage]) {
        var eventMessages = EventMessages<CaseEvent>()
        var notificationMessages = EventMessages<CaseNotification>()
        var messages: [KafkaOutgoingMessage] = []
        var events: [UUID] = []
        for change in changes {
            for event in change.events {
                let header = EnvelopeHeader(schema: CaseEvent.schema, id: event.id, trust: change.trust, school: event.school, occurredAt: event.at)
                let json = try written.events[event.id] ?? CaseJSONWriter.encode(event)
                messages.append(eventMessages.message(key: event.partitionKey, value: header.envelopeJSON(payloadJSON: json)))
                events.append(event.id)
            }
        }
        // Each notification once, in its last revision, and only when its time has come.
        var latest: [UUID: (trust: String, notification: CaseNotification)] = [:]
        var order: [UUID] = []
        for change in changes {
            for notification in change.notifications + change.revised {
                if latest[notification.id] == nil { order.append(notification.id) }
                latest[notification.id] = (change.trust, notification)
            }
        }
        var notifications: [UUID] = []
        for id in order {
            guard let (trust, notification) = latest[id], (notification.sendAfter ?? now) <= now else { continue }
            let header = EnvelopeHeader(
                schema: CaseNotification.schema, id: id, trust: trust, school: notification.school, occurredAt: notification.createdAt)
            let json = written.notifications[id] ?? CaseJSONWriter.encode(notification)
            messages.append(notificationMessages.message(key: notification.partitionKey, value: header.envelopeJSON(payloadJSON: json)))
            notifications.append(id)
        }
        for letter in deadLetters {
            logger.warning(
                "message dead-lettered",
                metadata: [
                    "reason": "\(letter.reason.rawValue)", "error": "\(letter.error)",
                    "origin": "\(letter.message.topic)[\(letter.message.partition)]@\(letter.message.offset)",
                ])
            messages.append(letter.outgoing(consumer: EscalationConfiguration.consumerGroup))
        }
        return (events, notifications, messages)
    }
}
