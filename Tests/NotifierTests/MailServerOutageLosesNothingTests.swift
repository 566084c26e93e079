import Foundation
import ParapetModels
import ParapetPostgres
import ParapetStore
import TestSupport
import Testing

/// The mail server stopped for a minute while cases are opened and climb: every email queued
/// meanwhile arrives once when it is back, and one case's emails arrive in their order.
@Suite("A mail server outage loses nothing", .serialized)
struct MailServerOutageLosesNothingTests {
    @Test("with the mail server down for a minute, every email arrives once afterwards, in order per case")
    func outage() async throws {
        try await NotifierHarness.with { harness in
            let authors = ["parent.a", "parent.b", "parent.c"]
            let expected = try await harness.withServices {
                harness.infrastructure.stopSMTP()
                for author in authors {
                    let (post, verdict) = NotifierFixtures.breach(
                        "I'm going to hurt someone at that school", author: author, clause: NotifierFixtures.threat, about: [])
                    try await harness.post(post, verdict: verdict)
                }
                try await harness.wait(for: "three alerts") { try await NotifierFixtures.notifications(in: harness.postgres).count == 3 }
                harness.clock.advance(by: 60)
                for author in authors {
                    let (post, verdict) = NotifierFixtures.breach(
                        "I meant it, watch your back", author: author, clause: NotifierFixtures.threat, about: [], at: 60)
                    try await harness.post(post, verdict: verdict)
                }
                try await harness.wait(for: "three updates") { try await NotifierFixtures.notifications(in: harness.postgres).count == 6 }
                let expected = try await NotifierFixtures.notifications(in: harness.postgres).reduce(0) {
                    $0 + Set($1.recipients.map(\.email)).count
                }
                try await Task.sleep(for: .seconds(60))
                #expect(harness.deliveredCount() == 0)
                let retries = try await harness.postgres.query("SELECT count(*) FROM notification_deliveries WHERE status = 'sending'")[0]
                    .decode(Int.self)
                #expect(retries >= 1, "the emails wait, claimed, for the server")
                try await harness.infrastructure.startSMTP()
                try await harness.waitForEmails(expected, timeout: .seconds(120))
                try await Task.sleep(for: .seconds(2))
                return expected
            }
            let emails = try await harness.delivered()
            #expect(emails.count == expected)
            #expect(Set(emails.map(\.messageID)).count == expected, "no email twice")
            // Per recipient, each case's alert (its thread's root) arrives before its update.
            for (index, email) in emails.enumerated() {
                guard let root = email.inReplyTo else { continue }
                let rootIndex = emails.firstIndex { $0.messageID == root && $0.rcptTo == email.rcptTo }
                #expect(rootIndex != nil && rootIndex! < index, "an update after its alert")
            }
            #expect(emails.filter { $0.inReplyTo != nil }.count == expected / 2)
        }
    }
}
