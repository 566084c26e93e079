import Foundation
import ParapetKafka
import ParapetModels
import TestSupport
import Testing

@Suite("Signed deliveries become posts", .serialized)
struct SignedWebhooksBecomePostsTests {
    @Test("Meta's handshake, a comment added, edited and removed, and a connector post: stored and published once each")
    func webhooksAndAPI() async throws {
        let harness = try await IngestHarness.prepare()
        defer { harness.stop() }
        let ingest = try await harness.startIngest()
        defer { ingest.send(SIGKILL) }

        let handshake = try await harness.get(
            "/webhooks/meta?hub.mode=subscribe&hub.verify_token=\(IngestHarness.metaVerifyToken)&hub.challenge=1158201444")
        #expect(handshake.status == 200 && handshake.body == "1158201444")
        let crc = try await harness.get("/webhooks/x?crc_token=challenge-123")
        #expect(crc.body == #"{"response_token":"sha256=\#(IngestHarness.hmacBase64(Array("challenge-123".utf8), key: IngestHarness.xSecret))"}"#)

        let added = IngestHarness.metaComment(commentID: "9001", message: "Lovely sports day, well done everyone!")
        #expect(try await harness.postMeta(added).status == 200)
        // Meta retries a delivery it thinks failed: the same item again is stored once.
        let again = try await harness.postMeta(added)
        #expect(again.status == 200 && again.body.contains(#""duplicates":1"#))
        let edited = IngestHarness.metaComment(commentID: "9001", message: "Lovely sports day, well done all!", verb: "edited")
        #expect(try await harness.postMeta(edited).body.contains(#""revised":1"#))
        let removed = IngestHarness.metaComment(commentID: "9001", message: "", verb: "remove")
        #expect(try await harness.postMeta(removed).body.contains(#""removed":1"#))

        let forumPost =
            #"{"account":"sw-forum","external_id":"thread-77-reply-3","author":{"handle":"parent_of_two"},"text":"When is the next PTA meeting?","created_at":"2026-11-20T18:04:00Z"}"#
        let api = try await harness.post(
            "/v1/posts", body: Array(forumPost.utf8),
            headers: ["Authorization": "Bearer \(IngestHarness.stokesWoodToken)", "Content-Type": "application/json"])
        #expect(api.status == 200, "\(api.body)")

        let stored = try await harness.storedCounts()
        #expect(stored.posts == 2 && stored.revisions == 3)
        let messages = try await harness.publishedPosts(expected: 5)
        #expect(messages.count == 5)
        // Published: add, the duplicate re-published, the edit, the removal, the forum post.
        let envelopes = try messages.map { try ParapetJSON.decode(Envelope<Post>.self, from: Data($0.value)) }
        #expect(Set(envelopes.map(\.id)).count == 4, "the re-published duplicate carries the same envelope id")
        #expect(messages.allSatisfy { $0.header("schema")?.stringValue == "parapet.post/1" })
        // W3C trace context: version 00, 32 hex trace id, 16 hex span id, sampled.
        let traceparent = #/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/#
        #expect(messages.allSatisfy { ($0.header("traceparent")?.stringValue).map { $0.wholeMatch(of: traceparent) != nil } == true })
        let comment = try #require(envelopes.last { $0.payload.externalID.hasSuffix("_9001") })
        #expect(comment.payload.isRemoved && comment.payload.revision == 2)
        #expect(comment.payload.school == "stokes-wood" && comment.payload.account == "sw-facebook-page")
        #expect(messages.filter { $0.keyString == "sw-facebook-page" }.count == 4)
        #expect(envelopes.contains { $0.payload.account == "sw-forum" && $0.payload.text == "When is the next PTA meeting?" })
    }
}
