import Foundation
import Logging
import ParapetMail
import ParapetModels
import ParapetPipeline
import ParapetSMTP
import ParapetStore
import ServiceLifecycle

/// Sends one email at a time through one SMTP connection, each exactly once by the ledger:
/// claimed (committed) before the SMTP transaction, marked sent in the statement right after the
/// server's 250. While the server is down or answers 4xx it waits and tries again, with
/// exponential backoff and jitter, until it accepts, refuses for good, or the service stops.
struct Courier: Sendable {
    let smtp: SMTPClient
    let ledger: DeliveryLedger
    let sender: MailAddress
    let backoff: Backoff
    let metrics: NotifierMetrics
    let logger: Logger
    let now: @Sendable () -> Date

    /// What became of one email.
    enum Outcome: Sendable {
        case sent
        /// Sent or refused by an earlier run (a redelivery or replay): nothing was sent now.
        case alreadyDone
        /// Refused for good: the server's reply, or why it could not be written.
        case refused(String)
    }

    /// One email, written, to one recipient.
    struct Email: Sendable {
        var delivery: DeliveryLedger.Delivery
        var kind: EmailKind
        var recipientName: String?
        var text: String
        var html: String
        /// When what it reports happened, for the alert-age metric.
        var createdAt: Date?
    }

    /// The `Message-ID` of notification `id`'s email to `recipient`, in the sender's domain.
    func messageID(notification id: UUID, recipient: String) -> String {
        MessageIdentity.messageID(
            notification: id, recipient: recipient, domain: sender.address.split(separator: "@").last.map(String.init) ?? "parapet.invalid")
    }

    func deliver(_ email: Email) async throws -> Outcome {
        let delivery = email.delivery
        let claim = try await Retrying.untilDone("claim an email in the ledger", logger: logger) { try await ledger.claim(delivery) }
        guard claim.status == .sending else { return .alreadyDone }
        var metadata: Logger.Metadata = [
            "notification": "\(delivery.notificationID.lowercasedString)", "message_id": "\(delivery.messageID)", "kind": "\(email.kind.rawValue)",
        ]
        if claim.attempts > 1 {
            // An earlier run stopped between the send and the record: the server may hold a copy.
            logger.warning("sending an email again that an earlier run may have sent", metadata: metadata)
            metrics.resentAfterCrash()
        }
        guard let recipient = MailAddress(delivery.recipient, name: email.recipientName) else {
            return try await refuse(delivery, reply: "\(delivery.recipient) is not an email address", metadata: metadata)
        }
        let message = MailMessage(
            from: sender, to: [recipient], subject: claim.threadRoot?.subject ?? delivery.subject, messageID: delivery.messageID,
            threadRoot: claim.threadRoot?.messageID, date: now(), text: email.text, html: email.html)
        let bytes: [UInt8]
        do {
            bytes = try message.rendered()
        } catch {
            return try await refuse(delivery, reply: error.description, metadata: metadata)
        }
        var failures = 0
        var generator = SystemRandomNumberGenerator()
        while true {
            let started = ContinuousClock.now
            do {
                let reply = try await smtp.send(bytes, sender: sender.address, recipients: [recipient.address])
                try await Retrying.untilDone("record an email as sent", logger: logger) {
                    try await ledger.markSent(delivery.notificationID, recipient: delivery.recipient, reply: reply)
                }
                metrics.sent(email.kind, took: .now - started, age: email.createdAt.map { now().timeIntervalSince($0) })
                if failures > 0 { logger.info("the mail server took the email after \(failures) failed tries", metadata: metadata) }
                return .sent
            } catch let error as SMTPError where error.kind == .rejected {
                return try await refuse(delivery, reply: error.reply.isEmpty ? error.detail : error.reply, metadata: metadata)
            } catch {
                failures += 1
                metrics.retried()
                let delay = backoff.delay(after: failures, using: &generator)
                metadata["error"] = "\(error)"
                metadata["retry_in"] = "\(delay)"
                logger.log(level: failures == 1 || failures % 10 == 0 ? .warning : .debug, "cannot send an email; retrying", metadata: metadata)
                // A shutdown ends the wait by throwing: the email stays claimed, and the next
                // run sends it.
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
            }
        }
    }

    private func refuse(_ delivery: DeliveryLedger.Delivery, reply: String, metadata: Logger.Metadata) async throws -> Outcome {
        try await Retrying.untilDone("record an email as refused", logger: logger) {
            try await ledger.markFailed(delivery.notificationID, recipient: delivery.recipient, reply: reply)
        }
        metrics.failedForGood()
        var metadata = metadata
        metadata["reply"] = "\(reply)"
        logger.error("the mail server refused an email for good; it goes to the dead letters", metadata: metadata)
        return .refused(reply)
    }
}
