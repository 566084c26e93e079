import Foundation
import ParapetModels
import ParapetPostgres
import ParapetStore
import TestSupport
import Testing

/// The sign-in links leaders ask for on the pages: the notifier emails each to the contact once,
/// and never to an address that is not a contact, nor a request older than a link lasts.
@Suite("Sign-in links reach only contacts", .serialized)
struct SignInLinksReachOnlyContactsTests {
    @Test("a contact's request gets one email whose link signs them in once; a stranger's and a stale one get none")
    func signInLinks() async throws {
        try await NotifierHarness.with { harness in
            let store = SignInStore(client: harness.postgres)
            let head = "head@stokeswood.example.sch.uk"
            let now = harness.clock.now
            let wanted = try await store.request(trust: NotifierFixtures.trust, email: head, next: "/cases", now: now)
            let stranger = try await store.request(trust: NotifierFixtures.trust, email: "someone@else.example", next: nil, now: now)
            let stale = try await store.request(
                trust: NotifierFixtures.trust, email: "safeguarding@oakfield.example.org", next: nil, now: now.addingTimeInterval(-16 * 60))
            try await harness.withServices(escalation: false) {
                try await harness.wait(for: "every request handled") { try await store.pendingRequests().isEmpty }
                try await harness.waitForEmails(1)
                // Nothing more arrives on later checks.
                try await Task.sleep(for: .seconds(2))
            }
            let emails = try await harness.delivered()
            #expect(emails.map(\.rcptTo) == [head])
            let email = try #require(emails.first)
            #expect(email.defects.isEmpty)
            #expect(email.subject == "Your link to sign in to Parapet")
            let text = try #require(email.parts.first { $0.type == "text/plain" }?.text)
            let prefix = NotifierHarness.publicURL.absoluteString + "/sign-in/"
            let link = try #require(text.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix(prefix) })
            #expect(link.hasSuffix("?next=/cases"))
            let token = link.dropFirst(prefix.count).prefix { $0 != "?" }
            // The link works once, for its contact.
            guard case .success(let session) = try await store.redeem(token, now: harness.clock.now) else {
                Issue.record("the emailed link did not sign in")
                return
            }
            #expect(session.email == head)
            #expect(try await store.redeem(token, now: harness.clock.now) == .failure(.used))
            let handled = try await harness.postgres.query(
                "SELECT count(*) FROM sign_in_requests WHERE handled_at IS NOT NULL AND id IN (\(wanted.id), \(stranger.id), \(stale.id))")[0]
                .decode(Int.self)
            #expect(handled == 3)
            // The ledger recorded the one email, to no school's name for no case.
            let ledger = try await harness.postgres.query(
                "SELECT recipient, template, status FROM notification_deliveries WHERE notification_id = \(wanted.id)")
            #expect(ledger.count == 1)
            #expect(try ledger.first?.decode(String.self, column: "template") == "sign_in")
            #expect(try ledger.first?.decode(String.self, column: "status") == "sent")
        }
    }
}
