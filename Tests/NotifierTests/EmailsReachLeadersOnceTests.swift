import Foundation
import ParapetKafka
import ParapetModels
import ParapetPipeline
import ParapetPostgres
import ParapetStore
import TestSupport
import Testing

/// Escalation's notifications become emails in the real SMTP sink: one per notification and
/// recipient, valid MIME, threaded per case, children masked, never twice on a replay, and a
/// refused address dead-lettered without holding back the rest.
@Suite("Emails reach leaders once", .serialized)
struct EmailsReachLeadersOnceTests {
    @Test("an alert and its update reach each recipient once as valid MIME, threaded, other children masked; a replay sends nothing more")
    func alertAndUpdate() async throws {
        try await NotifierHarness.with { harness in
            let first = NotifierFixtures.breach(
                "Nathaniel Campbell shoved my son and Bilal Farah just watched. I'll smash his dad's face in at pick-up.",
                clause: NotifierFixtures.threat, evidence: "smash his dad's face in")
            let second = NotifierFixtures.breach(
                "Still waiting. Diya Gohil's mum agrees with me. You will regret this.", clause: NotifierFixtures.threat,
                evidence: "You will regret this", at: 60)
            let expected = try await harness.withServices {
                try await harness.post(first.0, verdict: first.1)
                try await harness.wait(for: "the first alert") { try await NotifierFixtures.notifications(in: harness.postgres).count == 1 }
                harness.clock.advance(by: 60)
                try await harness.post(second.0, verdict: second.1)
                try await harness.wait(for: "the update") { try await NotifierFixtures.notifications(in: harness.postgres).count == 2 }
                let notifications = try await NotifierFixtures.notifications(in: harness.postgres)
                let expected = notifications.reduce(0) { $0 + Set($1.recipients.map(\.email)).count }
                try await harness.waitForEmails(expected)
                return expected
            }
            let emails = try await harness.delivered()
            #expect(emails.count == expected)
            #expect(expected >= 2)
            var byRecipient: [String: [MailCheck]] = [:]
            for email in emails { byRecipient[email.rcptTo, default: []].append(email) }
            for (recipient, thread) in byRecipient {
                #expect(thread.count == 2, "\(recipient) gets the alert and the update")
                for email in thread {
                    #expect(email.defects.isEmpty)
                    #expect(email.type == "multipart/alternative")
                    #expect(email.parts.map(\.type) == ["text/plain", "text/html"])
                    #expect(email.to == [recipient])
                    #expect(email.from.contains(NotifierHarness.sender))
                    for name in NotifierFixtures.pupilNames { #expect(!email.subject.lowercased().contains(name), "no pupil in a subject") }
                    for part in email.parts {
                        #expect(part.charset == "utf-8")
                        #expect(!part.text.contains("Bilal") && !part.text.contains("Diya"), "other children masked")
                        #expect(part.text.contains(NotifierHarness.publicURL.absoluteString + "/cases/"))
                    }
                }
                let (alert, update) = (thread[0], thread[1])
                #expect(alert.parts[0].text.contains("Nathaniel Campbell"), "the case's own child is named")
                #expect(alert.parts[0].text.contains("[[smash his dad's face in]]"))
                #expect(alert.parts[0].text.contains("Posting comments which threaten violence"))
                #expect(alert.inReplyTo == nil && alert.references == nil, "the case's first email is the thread's root")
                #expect(update.inReplyTo == alert.messageID)
                #expect(update.references == alert.messageID)
                #expect(update.subject == alert.subject, "the thread keeps its subject")
                #expect(update.parts[0].text.contains("The same author has posted again"))
            }
            #expect(Set(emails.map(\.messageID)).count == emails.count)

            // A replay of the whole topic sends nothing again.
            try await harness.rewindNotifier()
            try await harness.withServices(escalation: false) {
                try await harness.wait(for: "the replay to be read", timeout: .seconds(60)) {
                    try await harness.postgres.query("SELECT coalesce(max(attempts), 0) FROM notification_deliveries")[0].decode(Int.self) >= 1
                }
                try await Task.sleep(for: .seconds(4))
            }
            #expect(harness.deliveredCount() == expected)
            let counts = try await DeliveryLedger(client: harness.postgres).counts()
            #expect(counts[.sent] == expected)
            #expect(counts[.sending] == nil)
        }
    }

    @Test("a recipient the server refuses goes to the dead letters with the server's reply, and the others still get the email")
    func refusedRecipient() async throws {
        try await NotifierHarness.with { harness in
            let refused = "head@stokeswood.example.sch.uk"
            try refused.write(toFile: harness.maildir + "/reject", atomically: true, encoding: .utf8)
            let breach = NotifierFixtures.breach("I know where you live and I'm coming for you", clause: NotifierFixtures.threat)
            let others = try await harness.withServices {
                try await harness.post(breach.0, verdict: breach.1)
                try await harness.wait(for: "the alert") { try await NotifierFixtures.notifications(in: harness.postgres).count == 1 }
                let recipients = Set(try await NotifierFixtures.notifications(in: harness.postgres)[0].recipients.map(\.email))
                #expect(recipients.contains(refused), "the head is told of a threat")
                let others = recipients.subtracting([refused])
                try await harness.waitForEmails(others.count)
                try await harness.wait(for: "the refusal to be recorded") {
                    try await DeliveryLedger(client: harness.postgres).counts()[.failed] == 1
                }
                return others
            }
            #expect(Set(try await harness.delivered().map(\.rcptTo)) == others)
            let letters = try await harness.deadLetters(expected: 1)
            #expect(letters.count == 1)
            let headers = Dictionary(letters[0].headers.map { ($0.name, String(decoding: $0.value, as: UTF8.self)) }) { a, _ in a }
            #expect(headers[DeadLetter.reasonHeader] == "undeliverable")
            #expect(headers[DeadLetter.topicHeader] == ParapetTopic.notifications.name)
            #expect(headers[DeadLetter.consumerHeader] == "parapet-notifier")
            #expect(headers[DeadLetter.errorHeader]?.contains("550 5.1.1 <\(refused)>: Recipient address rejected") == true)
            let reply = try await harness.postgres.query(
                "SELECT reply FROM notification_deliveries WHERE status = 'failed'")[0].decode(String.self)
            #expect(reply.hasPrefix("550"))
        }
    }
}
