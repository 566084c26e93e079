import Foundation
import Logging
import ParapetKafka
import ParapetModels
import ParapetPostgres
import ParapetSchema
import ParapetStore
import ParapetTrustConfiguration

/// The notifier end to end: notifications already on `parapet.notifications` (alerts and
/// updates for many cases, one recipient each), the release `notifier` binary started against
/// them and timed from its first email accepted by the SMTP sink to its last.
struct NotifierBenchmarkResult: Sendable, CustomStringConvertible {
    var emails: Int
    var seconds: Double
    var cpuSeconds: Double
    var lanes: Int

    static let target = 200.0

    var rate: Double { Double(emails) / seconds }

    var description: String {
        [
            String(
                format:
                    "notifier: %d emails rendered and accepted by the SMTP sink in %.2f s = %.0f emails/s, each recorded in the ledger (%d lanes; target %.0f emails/s: %@)",
                emails, seconds, rate, lanes, Self.target, rate >= Self.target ? "met" : "NOT met"),
            String(format: "  the service used %.1f CPU-seconds (%.0f µs an email)", cpuSeconds, cpuSeconds / Double(emails) * 1e6),
        ].joined(separator: "\n")
    }
}

enum NotifierBenchmark {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static func run(
        binary: String, trustFolder: String, notifications count: Int, lanes: Int, brokers: String, databaseURL: String, smtpURL: String
    ) async throws -> NotifierBenchmarkResult {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let (configuration, client) = try await BenchDatabase.prepare(
            url: databaseURL, trustFolder: trustFolder, fresh: "notification_deliveries", logger: logger)
        defer { Task { await client.shutdown() } }
        try await KafkaBenchmark.createAndAwait([ParapetTopic.notifications.name, ParapetTopic.deadLetters.name], brokers: brokers, logger: logger)
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                KafkaConfiguration(brokers: brokers, clientID: "parapet-bench", properties: KafkaBenchmark.producerProperties)),
            logger: logger)
        _ = try await producer.send(makeNotifications(count, configuration: configuration))
        await producer.close()

        let service = try BenchedService(
            binary: binary, brokers: brokers, databaseURL: databaseURL,
            settings: ["PARAPET_SMTP_URL": smtpURL, "PARAPET_MAIL_FROM": "parapet@parapet.example.org", "PARAPET_NOTIFIER_LANES": "\(lanes)"])
        defer { service.stop() }
        let timed = try await service.waitFor("parapet_notifier_emails_sent_total", toReach: count, every: .milliseconds(20))
        guard let (first, done) = timed else { throw Failed(description: "the notifier did not send \(count) emails within 10 minutes") }
        // From the first email's claim in the ledger to the scrape that saw the last one sent.
        let start = try await client.query("SELECT min(claimed_at) FROM notification_deliveries")[0].decode(Date.self)
        return NotifierBenchmarkResult(
            emails: count, seconds: done.date.timeIntervalSince(min(start, first.date)), cpuSeconds: done.cpu - first.cpu, lanes: lanes)
    }

    /// `count` immediate notifications to a contact of a school, for `count / 2` cases: each
    /// case's alert, then its update threaded under it.
    static func makeNotifications(_ count: Int, configuration: TrustConfiguration) -> [KafkaOutgoingMessage] {
        let schools = configuration.schools.map(\.id)
        let created = Date()
        return (0..<count).map { index in
            let school = schools[(index / 2) % schools.count]
            let contact = configuration.contacts.first { $0.school == school && $0.role == .headteacher }
            let caseID = UUID(uuidString: String(format: "00000000-0000-4000-8000-%012x", index / 2)) ?? UUID()
            let notification = CaseNotification(
                caseID: caseID, school: school,
                recipients: [CaseNotification.Recipient(role: .headteacher, email: contact?.email ?? "head@example.org")], mode: .immediate,
                subject: "A threat of violence – \(school)", template: index % 2 == 0 ? .caseOpened : .caseJoined,
                createdAt: created.addingTimeInterval(Double(index) / 1000), step: .police, nextStep: "Contact the police.",
                deadline: created.addingTimeInterval(3600))
            let envelope = Envelope(id: notification.id, trust: configuration.trust.id, payload: notification)
            return KafkaOutgoingMessage(
                topic: ParapetTopic.notifications.name, key: notification.partitionKey,
                value: Array((try? ParapetJSON.encode(envelope)) ?? Data()),
                headers: [KafkaHeader(name: "schema", value: CaseNotification.schema.description)])
        }
    }
}
