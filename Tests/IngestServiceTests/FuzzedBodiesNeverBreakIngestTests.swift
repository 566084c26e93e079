import Foundation
import TestSupport
import Testing

@Suite("Fuzzed requests", .serialized)
struct FuzzedBodiesNeverBreakIngestTests {
    static func mutate(_ base: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = base
        for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.remove(at: index)
            case 2: bytes.insert(Array("{}[]\",:0-e\\ntrue".utf8).randomElement(using: &random)!, at: index)
            default: bytes.replaceSubrange(index..<min(bytes.count, index + 5), with: Array(#""x""#.utf8))
            }
        }
        return bytes
    }

    @Test("3,000 random and mutated bodies at every endpoint: no 5xx, the service stays up, nothing stored or published")
    func fuzz() async throws {
        let harness = try await IngestHarness.prepare()
        defer { harness.stop() }
        let ingest = try await harness.startIngest()
        defer { ingest.send(SIGKILL) }
        var random = SplitMix64(seed: 20_261_121)
        // Valid shapes for an account Parapet does not monitor, so even a mutation that stays
        // valid must be refused rather than stored.
        let meta = Array(IngestHarness.metaComment(page: "123456789", commentID: "7", message: "Hello").utf8)
        let x = Array(
            #"{"for_user_id":"42","tweet_create_events":[{"id_str":"1","created_at":"Wed Oct 10 20:19:24 +0000 2018","text":"hi","user":{"id_str":"9","screen_name":"someone","name":"S"}}]}"#
                .utf8)
        let api = Array(
            #"{"account":"no-such-account","external_id":"e","author":{"handle":"h"},"text":"t","created_at":"2026-11-20T18:04:00Z"}"#.utf8)
        var statuses: [Int: Int] = [:]
        for round in 0..<3000 {
            let body: [UInt8]
            let path: String
            var headers: [String: String] = [:]
            switch round % 3 {
            case 0:
                path = "/webhooks/meta"
                body =
                    round % 6 == 0
                    ? (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                    : Self.mutate(meta, &random)
                headers["X-Hub-Signature-256"] = "sha256=" + IngestHarness.hmacHex(body, key: IngestHarness.metaSecret)
            case 1:
                path = "/webhooks/x"
                body = Self.mutate(x, &random)
                headers["x-twitter-webhooks-signature"] = "sha256=" + IngestHarness.hmacBase64(body, key: IngestHarness.xSecret)
            default:
                path = "/v1/posts"
                body = Self.mutate(api, &random)
                headers["Authorization"] = "Bearer \(IngestHarness.stokesWoodToken)"
            }
            let answer = try await harness.post(path, body: body, headers: headers)
            statuses[answer.status, default: 0] += 1
            // A 4xx, or a 200 for a delivery that holds nothing Parapet watches (another field,
            // an item type it skips): acknowledged, so the platform stops retrying, and nothing kept.
            if answer.status == 200 {
                #expect(answer.body.contains(#""accepted":0"#), "round \(round) \(path): \(answer.body)")
            } else {
                #expect((400..<500).contains(answer.status), "round \(round) \(path): \(answer.status) \(answer.body)")
            }
        }
        #expect(try await harness.get("/health").status == 200)
        let stored = try await harness.storedCounts()
        #expect(stored.posts == 0)
        #expect(try await harness.publishedCount() == 0)
        print("fuzz statuses: \(statuses.sorted { $0.key < $1.key })")
    }
}
