import Foundation
import TestSupport
import Testing

@Suite("Rejected requests", .serialized)
struct RejectedRequestsStoreNothingTests {
    @Test("every bad request gets its 4xx and a JSON error, stores nothing, publishes nothing, and is counted")
    func rejections() async throws {
        let harness = try await IngestHarness.prepare()
        defer { harness.stop() }
        let ingest = try await harness.startIngest()
        defer { ingest.send(SIGKILL) }
        let comment = IngestHarness.metaComment(commentID: "1", message: "Hello")
        let signed = "sha256=" + IngestHarness.hmacHex(Array(comment.utf8), key: IngestHarness.metaSecret)
        let altered = comment.replacingOccurrences(of: "Hello", with: "Hellp")
        let big = IngestHarness.metaComment(commentID: "2", message: String(repeating: "a", count: IngestHarness.maxBodyBytes))
        let unknownPage = IngestHarness.metaComment(page: "999999999", commentID: "3", message: "Hi")
        let forum = #"{"account":"lc-forum","external_id":"t1","author":{"handle":"p"},"text":"Hi","created_at":"2026-11-20T18:04:00Z"}"#

        struct Case {
            var name: String
            var path: String
            var body: [UInt8]
            var headers: [String: String]
            var status: Int
            var code: String
        }
        func meta(_ body: [UInt8], signature: String?) -> [String: String] {
            signature.map { ["X-Hub-Signature-256": $0] } ?? [:]
        }
        let sign = { (body: [UInt8]) in "sha256=" + IngestHarness.hmacHex(body, key: IngestHarness.metaSecret) }
        let invalidUTF8: [UInt8] =
            Array(#"{"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":{"message":""#.utf8) + [0xFF, 0xFE]
            + Array(#""}}]}]}"#.utf8)
        let cases = [
            Case(name: "unsigned", path: "/webhooks/meta", body: Array(comment.utf8), headers: [:], status: 401, code: "unsigned"),
            Case(
                name: "wrongly signed", path: "/webhooks/meta", body: Array(comment.utf8),
                headers: meta([], signature: "sha256=" + IngestHarness.hmacHex(Array(comment.utf8), key: "not-the-secret")), status: 401,
                code: "bad_signature"),
            Case(
                name: "replayed signature, altered body", path: "/webhooks/meta", body: Array(altered.utf8),
                headers: meta([], signature: signed), status: 401, code: "bad_signature"),
            Case(
                name: "oversized", path: "/webhooks/meta", body: Array(big.utf8), headers: meta([], signature: sign(Array(big.utf8))), status: 413,
                code: "too_large"),
            Case(
                name: "malformed JSON", path: "/webhooks/meta", body: Array("{\"object\":".utf8),
                headers: meta([], signature: sign(Array("{\"object\":".utf8))), status: 400, code: "malformed_json"),
            Case(
                name: "invalid UTF-8", path: "/webhooks/meta", body: invalidUTF8, headers: meta([], signature: sign(invalidUTF8)), status: 400,
                code: "invalid_utf8"),
            Case(
                name: "unknown account", path: "/webhooks/meta", body: Array(unknownPage.utf8),
                headers: meta([], signature: sign(Array(unknownPage.utf8))), status: 422, code: "unknown_account"),
            Case(
                name: "wrong connector token", path: "/v1/posts", body: Array(forum.utf8),
                headers: ["Authorization": "Bearer not-a-token"], status: 401, code: "bad_token"),
            Case(
                name: "token for another school's account", path: "/v1/posts", body: Array(forum.utf8),
                headers: ["Authorization": "Bearer \(IngestHarness.stokesWoodToken)"], status: 403, code: "account_not_allowed"),
        ]
        for rejection in cases {
            let answer = try await harness.post(rejection.path, body: rejection.body, headers: rejection.headers)
            #expect(answer.status == rejection.status, "\(rejection.name): \(answer.body)")
            let error = (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])?["error"] as? [String: Any]
            #expect(error?["code"] as? String == rejection.code, "\(rejection.name): \(answer.body)")
            #expect((error?["message"] as? String)?.isEmpty == false, "\(rejection.name)")
        }
        let stored = try await harness.storedCounts()
        #expect(stored.posts == 0 && stored.revisions == 0)
        #expect(try await harness.publishedCount() == 0)
        let metrics = try await harness.get("/metrics").body
        for rejection in cases {
            #expect(metrics.contains(#"code="\#(rejection.code)""#), "metric for \(rejection.code)")
        }
    }
}
