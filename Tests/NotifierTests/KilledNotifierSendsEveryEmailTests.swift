import Foundation
import ParapetKafka
import ParapetModels
import ParapetPostgres
import ParapetStore
import TestSupport
import Testing

/// The notifier binary killed with SIGKILL at random moments while it sends 1,000 notifications:
/// every one arrives, and an email arrives twice only when a kill fell between the server's
/// acceptance and the record of it, with the same Message-ID.
@Suite("A killed notifier sends every email", .serialized)
struct KilledNotifierSendsEveryEmailTests {
    @Test("kill -9 at random moments during 1,000 notifications: all 1,000 arrive, any second copy with the same Message-ID")
    func killedWhileSending() async throws {
        try await NotifierHarness.with { harness in
            // 500 cases, two notifications each (an alert, then an update), one recipient.
            var notifications: [CaseNotification] = []
            for index in 0..<500 {
                let caseID = NotifierFixtures.uuid("case-\(index)")
                for (step, template) in [CaseNotification.Template.caseOpened, .caseJoined].enumerated() {
                    notifications.append(
                        NotifierFixtures.notification(
                            case: caseID, template: template, id: NotifierFixtures.uuid("notification-\(index)-\(step)"), at: Double(step)))
                }
            }
            let producer = try KafkaProducer(
                configuration: KafkaProducerConfiguration(KafkaConfiguration(brokers: harness.infrastructure.kafkaBrokers)),
                logger: NotifierHarness.quietLogger)
            _ = try await producer.send(
                try notifications.map { notification in
                    KafkaOutgoingMessage(
                        topic: ParapetTopic.notifications.name, key: notification.partitionKey,
                        value: Array(try ParapetJSON.encode(Envelope(id: notification.id, trust: NotifierFixtures.trust, payload: notification))),
                        headers: [KafkaHeader(name: "schema", value: CaseNotification.schema.description)])
                })
            await producer.close()

            var generator = SplitMix64(seed: UInt64(Date().timeIntervalSince1970))
            var kills = 0
            let port = try FreePort.next()
            let environment = harness.environment.merging([
                "PARAPET_HTTP_HOST": "127.0.0.1", "PARAPET_HTTP_PORT": "\(port)", "PARAPET_MAIL_FROM": NotifierHarness.sender,
                "PARAPET_PUBLIC_URL": NotifierHarness.publicURL.absoluteString, "PARAPET_LOG_LEVEL": "error",
            ]) { $1 }
            let ledger = DeliveryLedger(client: harness.postgres)
            var progress: [Int] = []
            while true {
                let before = try await ledger.counts()[.sent] ?? 0
                let process = try ChildProcess.start([NotifierHarness.executable("notifier")], environment: environment)
                if before >= 1000 || kills >= 6 {
                    try await harness.wait(for: "all 1,000 emails recorded", timeout: .seconds(120)) {
                        try await ledger.counts()[.sent] ?? 0 >= 1000
                    }
                    process.send(SIGTERM)
                    _ = await process.wait()
                    break
                }
                // Once this run is sending, a kill at a random moment into it.
                try await harness.wait(for: "the notifier to send", timeout: .seconds(60)) {
                    try await ledger.counts()[.sent] ?? 0 > before
                }
                try await Task.sleep(for: .milliseconds(Int64(generator.next() % 700)))
                process.send(SIGKILL)
                _ = await process.wait()
                kills += 1
                progress.append(try await ledger.counts()[.sent] ?? 0)
            }
            try await harness.wait(for: "1,000 emails in the sink", timeout: .seconds(30)) { harness.deliveredCount() >= 1000 }
            let emails = try await harness.delivered()
            let ids = emails.map(\.messageID)
            let unique = Set(ids)
            let twice = ids.count - unique.count
            print(
                "killed the notifier \(kills) times, with \(progress.map(String.init).joined(separator: ", ")) emails recorded as sent at the kills; "
                    + "\(emails.count) emails filed for 1,000 notifications; \(twice) arrived twice")
            #expect(kills == 6)
            #expect(unique.count == 1000)
            // A second copy only of an email an earlier run had claimed and not recorded.
            let resent = try await harness.postgres.query("SELECT message_id FROM notification_deliveries WHERE attempts > 1").map {
                "<\(try $0.decode(String.self, at: 0))>"
            }
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted { #expect(resent.contains(id), "\(id) arrived twice but was never claimed twice") }
            let counts = try await ledger.counts()
            #expect(counts[.sent] == 1000)
            #expect(counts[.sending] == nil)
        }
    }
}
