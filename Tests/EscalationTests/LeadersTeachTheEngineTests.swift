import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParapetCaseAPI
import ParapetEscalation
import ParapetModels
import ParapetStore
import TestSupport
import Testing

/// A case closed as not a breach and a breach a leader recorded by hand on a post the engine
/// passed come out of `parapet feedback export` as labelled corpus lines, and nothing else does.
@Suite("Leaders teach the engine", .serialized)
struct LeadersTeachTheEngineTests {
    static let abusive = ("sw-abusive-comments", Behaviour.abusiveLanguage, Severity.low)

    static func post(_ name: String, text: String, handle: String) -> Post {
        Post(
            id: EscalationFixtures.uuid("post:\(name)"), trust: EscalationFixtures.trust, school: "stokes-wood",
            account: "sw-parents-facebook-group", platform: .facebook, externalID: "ext-\(name)",
            author: PostAuthor(handle: handle, kind: .parent), text: text, createdAt: EscalationFixtures.start,
            receivedAt: EscalationFixtures.start)
    }

    @Test("not a breach and a missed breach, recorded through the case API, are exported as a near miss and a breach")
    func feedbackIsExported() async throws {
        let harness = try await EscalationHarness.prepare()
        do {
            let flagged = Self.post("teach-flagged", text: "Mr Dickens is a brick, helped us all morning", handle: "jo.parent")
            let missed = Self.post("teach-missed", text: "That dad at pickup is a right bampot", handle: "kim.parent")
            let untouched = Self.post("teach-other", text: "Lovely assembly today", handle: "lee.parent")
            let posts = PostStore(client: harness.postgres)
            for post in [flagged, missed, untouched] { _ = try await posts.record(post) }
            let verdict = EscalationFixtures.verdict("teach-flagged", author: "facebook:jo.parent", clauses: [Self.abusive])
            let passed = EscalationFixtures.benign("teach-missed", author: "facebook:kim.parent")
            let other = EscalationFixtures.benign("teach-other", author: "facebook:lee.parent")
            _ = try await VerdictStore(client: harness.postgres).record(
                try [verdict, passed, other].map { try VerdictEntry(messageID: UUID(), trust: EscalationFixtures.trust, verdict: $0) },
                consumer: "test")
            let head = try #require(
                try await harness.parapet(["tokens", "issue", "--email", "head@stokeswood.example.sch.uk", "--days", "1"])
                    .split(separator: "\n").first { $0.hasPrefix("parapet_") }.map(String.init))
            let otherHead = try #require(
                try await harness.parapet(["tokens", "issue", "--email", "head@stourprovost.example.sch.uk", "--days", "1"])
                    .split(separator: "\n").first { $0.hasPrefix("parapet_") }.map(String.init))

            try await harness.withEscalationService { service in
                try await harness.publish([verdict])
                try await harness.waitForProcessed([verdict.id])
                let caseID = try #require(try await harness.store.cases().first?.case.id)
                let router = Router()
                CaseAPI(
                    desk: service.desk, postgres: harness.postgres, escalator: { await service.escalator(for: $0) }, now: { harness.now },
                    logger: LeadersActOnCasesTests.errorLogger
                ).install(on: router)
                try await Application(router: router).test(.router) { client in
                    func post(_ uri: String, _ token: String, _ body: String) async throws -> (Int, String) {
                        try await client.execute(
                            uri: uri, method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
                            body: ByteBuffer(string: body)
                        ) { (Int($0.status.code), String(buffer: $0.body)) }
                    }
                    let caseActions = "/v1/cases/\(caseID.uuidString.lowercased())/actions"
                    #expect(try await post(caseActions, head, #"{"action":"not_a_breach","note":"A brick is praise round here"}"#).0 == 201)
                    let missedPath = "/v1/posts/\(missed.id.uuidString.lowercased())/missed-breaches"
                    let recorded = try await post(missedPath, head, #"{"behaviour":"abusive_language","note":"Local insult"}"#)
                    #expect(recorded.0 == 201, "\(recorded.1)")
                    #expect(try await post(missedPath, head, #"{"behaviour":"abusive_language"}"#).1 == recorded.1, "the same report again")
                    #expect(try await post(missedPath, otherHead, #"{"behaviour":"abusive_language"}"#).0 == 404, "another school's post")
                    let unknown = try await post(missedPath, head, #"{"behaviour":"rudeness"}"#)
                    #expect(unknown.0 == 400 && unknown.1.contains("rudeness"), "\(unknown.1)")
                    let nowhere = "/v1/posts/\(UUID().uuidString.lowercased())/missed-breaches"
                    #expect(try await post(nowhere, head, #"{"behaviour":"abusive_language"}"#).0 == 404)
                }
            }

            let output = try await harness.parapet(["feedback", "export"])
            let lines = output.split(separator: "\n").filter { $0.hasPrefix("{") }
            let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            try #require(objects.count == 2, "\(output)")
            let nearMiss = try #require(objects.first { $0["source"] as? String == "not_a_breach" })
            #expect(nearMiss["label"] as? String == "near_miss")
            #expect(nearMiss["text"] as? String == flagged.text)
            #expect(nearMiss["breaks"] as? [String] == [])
            #expect(nearMiss["judged"] as? [String] == ["abusive_language"])
            #expect(nearMiss["school"] as? String == "stokes-wood" && nearMiss["account"] as? String == "sw-parents-facebook-group")
            let breach = try #require(objects.first { $0["source"] as? String == "missed_breach" })
            #expect(breach["label"] as? String == "breaks")
            #expect(breach["text"] as? String == missed.text)
            #expect(breach["breaks"] as? [String] == ["abusive_language"])
            #expect((breach["author"] as? [String: Any])?["kind"] as? String == "parent")
            #expect(!output.contains(untouched.text), "a post no leader judged is not exported")
            let later = try await harness.parapet(["feedback", "export", "--since", "2999-01-01T00:00:00Z"])
            #expect(!later.contains("{"), "nothing decided after --since")
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }
}
