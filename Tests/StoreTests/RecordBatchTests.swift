import Foundation
import ParapetModels
import ParapetPostgres
import ParapetStore
import Testing

@Suite("Recording posts in bulk")
struct RecordBatchTests {
    static func kind(_ record: PostRecord) -> String {
        switch record {
        case .new: "new"
        case .revised: "revised"
        case .removed: "removed"
        case .duplicate: "duplicate"
        }
    }

    @Test("10,000 new posts; the same again are all duplicates; 100 edits among them are revised")
    func tenThousand() async throws {
        try await StoreDatabase.with { client in
            let store = PostStore(client: client)
            let posts = (0..<10_000).map { StoreDatabase.post(text: "post number \($0)", receivedAfter: Double($0)) }

            let first = try await store.recordBatch(posts)
            #expect(first.count == posts.count)
            #expect(first.allSatisfy { Self.kind($0) == "new" && $0.post.revision == 1 })
            #expect(first.map(\.post.id) == posts.map(\.id))
            #expect(try await StoreDatabase.scalar(client, "SELECT count(DISTINCT id) FROM posts") == 10_000)
            #expect(try await StoreDatabase.scalar(client, "SELECT count(*) FROM posts WHERE revision = 1 AND edited_at IS NULL") == 10_000)

            let again = try await store.recordBatch(posts)
            #expect(again.allSatisfy { $0.isDuplicate })
            #expect(again.map(\.post) == first.map(\.post))
            #expect(try await StoreDatabase.scalar(client, "SELECT count(*) FROM posts") == 10_000)

            var mixed = posts
            let edited = Set(stride(from: 0, to: 10_000, by: 100))
            for index in edited { mixed[index].text += " (edited)" }
            let third = try await store.recordBatch(mixed)
            #expect(third.indices.filter { Self.kind(third[$0]) == "revised" } == edited.sorted())
            #expect(third.count { $0.isDuplicate } == 9_900)
            #expect(third.filter { !$0.isDuplicate }.allSatisfy { $0.post.revision == 2 && $0.post.text.hasSuffix("(edited)") })
            #expect(try await StoreDatabase.scalar(client, "SELECT count(*) FROM posts") == 10_100)
            #expect(
                try await StoreDatabase.scalar(
                    client,
                    """
                    SELECT count(*) FROM posts WHERE revision = 2 AND edited_at IS NOT NULL
                        AND (document ->> 'revision')::int = 2 AND document ->> 'text' LIKE '%(edited)'
                    """) == 100)
            #expect(try await store.count() == 10_000)
        }
    }

    @Test("one id twice in a batch is handled in order: new then revised, or new then duplicate")
    func sameIDTwice() async throws {
        try await StoreDatabase.with { client in
            let store = PostStore(client: client)
            let post = StoreDatabase.post(text: "first")
            let edit = StoreDatabase.post(id: post.id, externalID: post.externalID, text: "second", receivedAfter: 1)
            let other = StoreDatabase.post(text: "other")
            let records = try await store.recordBatch([post, other, edit, other])
            #expect(records.map(Self.kind) == ["new", "new", "revised", "duplicate"])
            #expect(records.map(\.post.revision) == [1, 1, 2, 1])
            #expect(records[3].post == records[1].post)
            #expect(try await store.latest(id: post.id) == records[2].post)
            #expect(try await store.revisionCount() == 3)
        }
    }

    @Test("record and recordBatch agree on what is a duplicate")
    func samePathsAgree() async throws {
        try await StoreDatabase.with { client in
            let store = PostStore(client: client)
            let single = StoreDatabase.post(text: "recorded alone, café")
            let recorded = try await store.record(single)
            let batched = StoreDatabase.post(text: "recorded in a batch")
            let records = try await store.recordBatch([single, batched])
            #expect(records[0] == .duplicate(recorded.post))
            #expect(try await store.record(batched) == .duplicate(records[1].post))
            #expect(try await store.latest(id: batched.id) == records[1].post)

            // Re-deliveries return the stored revision, not the incoming one: with only a later
            // arrival time, and with a non-content field (the author's kind) changed as well.
            var retried = batched
            retried.receivedAt += 30
            var reclassified = retried
            reclassified.author.kind = .staff
            _ = try await store.recordRemoval(id: single.id, at: Date(timeIntervalSince1970: 1_790_000_900))
            let removed = try #require(try await store.latest(id: single.id))
            let redelivered = try await store.recordBatch([retried, reclassified, single])
            #expect(redelivered == [.duplicate(records[1].post), .duplicate(records[1].post), .duplicate(removed)])
        }
    }

    @Test("a batch large enough to be stored over two connections gives repeats and edits their outcomes in order")
    func largeBatchWithRepeats() async throws {
        try await StoreDatabase.with { client in
            let store = PostStore(client: client)
            let posts = (0..<1_500).map { StoreDatabase.post(text: "post \($0)", receivedAfter: Double($0)) }
            let edits = posts.prefix(300).map { post in
                StoreDatabase.post(id: post.id, externalID: post.externalID, text: post.text + " (edited)", receivedAfter: 5_000)
            }
            let repeats = posts.suffix(200)
            let records = try await store.recordBatch(posts + edits + repeats + edits)
            #expect(records.count == 2_300)
            #expect(records[..<1_500].allSatisfy { Self.kind($0) == "new" && $0.post.revision == 1 })
            #expect(records[1_500..<1_800].allSatisfy { Self.kind($0) == "revised" && $0.post.revision == 2 })
            #expect(records[1_800..<2_000].allSatisfy { Self.kind($0) == "duplicate" && $0.post.revision == 1 })
            #expect(Array(records[1_800..<2_000].map(\.post)) == Array(records[1_300..<1_500].map(\.post)))
            #expect(records[2_000...].allSatisfy { Self.kind($0) == "duplicate" && $0.post.revision == 2 })
            #expect(records.map(\.post.id) == (posts + edits + repeats + edits).map(\.id))
            #expect(try await store.revisionCount() == 1_800)
            #expect(try await store.count() == 1_500)
        }
    }
}
