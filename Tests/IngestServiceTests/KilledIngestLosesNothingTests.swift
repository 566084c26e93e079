import Foundation
import ParapetKafka
import ParapetModels
import TestSupport
import Testing

@Suite("Crashing ingest", .serialized)
struct KilledIngestLosesNothingTests {
    @Test("SIGKILL in the middle of 10,000 retried webhook deliveries: exactly 10,000 posts stored and published")
    func killMidStream() async throws {
        let harness = try await IngestHarness.prepare()
        defer { harness.stop() }
        var ingest = try await harness.startIngest()
        let total = 10_000
        let delivered = Delivered()

        // Senders retry every delivery until it is answered 200, as Meta does.
        let senders = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        for index in stride(from: worker, to: total, by: 16) {
                            let body = IngestHarness.metaComment(postID: "\(index / 100)", commentID: "c\(index)", message: "comment number \(index)")
                            while true {
                                if let answer = try? await harness.postMeta(body), answer.status == 200 { break }
                                try await Task.sleep(for: .milliseconds(50))
                            }
                            await delivered.add()
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        // Kill once a good part has gone through, then start a new process in its place.
        while await delivered.count < 3000 { try await Task.sleep(for: .milliseconds(20)) }
        ingest.send(SIGKILL)
        _ = await ingest.wait()
        let atKill = await delivered.count
        try await Task.sleep(for: .milliseconds(500))
        ingest = try await harness.startIngest()
        try await senders.value
        ingest.send(SIGTERM)
        _ = await ingest.wait()

        #expect(atKill < total, "the kill happened mid-stream")
        let stored = try await harness.storedCounts()
        #expect(stored.posts == total)
        #expect(stored.revisions == total)
        let messages = try await harness.publishedPosts(expected: total * 2, quiet: .seconds(5))
        let posts = try messages.map { try ParapetJSON.decode(Envelope<Post>.self, from: Data($0.value)) }
        // The topic may hold a post twice (published, then killed before replying, then
        // retried); both copies carry the same envelope id, which consumers dedupe on.
        #expect(Set(posts.map { "\($0.payload.id):\($0.payload.revision)" }).count == total)
        #expect(Set(posts.map(\.id)).count == total)
        print("killed after \(atKill) acknowledged deliveries; topic holds \(messages.count) messages for \(total) posts")
    }

    actor Delivered {
        private(set) var count = 0
        func add() { count += 1 }
    }
}
