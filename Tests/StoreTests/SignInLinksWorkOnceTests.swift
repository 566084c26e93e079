import Foundation
import ParapetPostgres
import ParapetStore
import Testing

/// A sign-in link opens one session, once, within its fifteen minutes; a session ends when
/// signed out or idle; only digests of the secrets are stored.
@Suite("Sign-in links work once")
struct SignInLinksWorkOnceTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let email = "head@stourprovost.example.sch.uk"

    @Test("a link makes a session once; used, expired, forged or malformed links are refused")
    func linkOnce() async throws {
        try await StoreDatabase.with { client in
            let store = SignInStore(client: client)
            let link = try await store.issueLink(trust: StoreDatabase.trust, email: email, now: start)
            #expect(link.expiresAt == start.addingTimeInterval(15 * 60))
            let session = try await store.redeem(link.text, now: start.addingTimeInterval(60)).get()
            #expect(session.email == email && session.trust == StoreDatabase.trust)
            #expect(try await store.redeem(link.text, now: start.addingTimeInterval(61)) == .failure(.used))

            let late = try await store.issueLink(trust: StoreDatabase.trust, email: email, now: start)
            #expect(try await store.redeem(late.text, now: start.addingTimeInterval(15 * 60)) == .failure(.expired))

            let forged = String(late.text.dropLast(4)) + "0000"
            #expect(try await store.redeem(forged, now: start) == .failure(.unknown))
            #expect(try await store.redeem("not a link", now: start) == .failure(.unknown))

            // Nothing of the secrets is stored as given.
            let secret = String(link.text.split(separator: "_")[2])
            #expect(try await StoreDatabase.scalar(client, "SELECT count(*) FROM sign_in_links WHERE encode(secret_sha256, 'hex') = \(secret)") == 0)
            #expect(try await StoreDatabase.scalar(client, "SELECT count(*) FROM page_sessions") == 1)
        }
    }

    @Test("two redemptions of one link racing make one session")
    func racingRedemptions() async throws {
        try await StoreDatabase.with { client in
            let store = SignInStore(client: client)
            let link = try await store.issueLink(trust: StoreDatabase.trust, email: email, now: start)
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask { if case .success = try await store.redeem(link.text, now: start) { true } else { false } }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await StoreDatabase.scalar(client, "SELECT count(*) FROM page_sessions") == 1)
        }
    }

    @Test("a session lasts while used within the idle limit, and ends when signed out")
    func sessionIdleAndEnd() async throws {
        try await StoreDatabase.with { client in
            let store = SignInStore(client: client)
            let link = try await store.issueLink(trust: StoreDatabase.trust, email: email, now: start)
            let made = try await store.redeem(link.text, now: start).get()
            let text = try #require(made.text)
            let idle = Duration.seconds(30 * 60)
            // Each use pushes the limit on.
            #expect((try? await store.session(text, idle: idle, now: start.addingTimeInterval(29 * 60)).get())?.id == made.id)
            #expect((try? await store.session(text, idle: idle, now: start.addingTimeInterval(58 * 60)).get())?.id == made.id)
            #expect(try await store.session(text, idle: idle, now: start.addingTimeInterval(89 * 60)) == .failure(.ended))

            let other = try await store.redeem(try await store.issueLink(trust: StoreDatabase.trust, email: email, now: start).text, now: start).get()
            #expect(try await store.end(other.id, now: start))
            #expect(try await store.session(try #require(other.text), now: start) == .failure(.ended))
            #expect(try await !store.end(other.id, now: start))
        }
    }
}
