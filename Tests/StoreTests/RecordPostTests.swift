import Foundation
import ParapetModels
import ParapetPostgres
import ParapetStore
import Testing

@Suite("Recording a post: new, duplicate and revised")
struct RecordPostTests {
    @Test("the same post twice is stored once; the second is a duplicate returning the stored revision")
    func sameTwice() async throws {
        try await StoreDatabase.with { client in
            let store = PostStore(client: client)
            let post = StoreDatabase.post(text: "Lovely harvest festival today")
            let first = try await store.record(post)
            guard case .new(let stored) = first else { Issue.record("expected .new, got \(first)"); return }
            #expect(stored.revision == 1 && stored.editedAt == nil && stored.text == post.text)

            var again = post
            again.receivedAt = post.receivedAt.addingTimeInterval(30)  // a retry, later
            let second = try await store.record(again)
            #expect(second == .duplicate(stored))
            #expect(try await store.latest(id: post.id) == stored)
            #expect(try await store.count() == 1)
            #expect(try await store.revisionCount() == 1)
        }
    }

    @Test("an edit is revision 2 and revised; editing back to revision 2's content is a duplicate")
    func edit() async throws {
        try await StoreDatabase.with { client in
            let store = PostStore(client: client)
            let post = StoreDatabase.post(text: "Lovely harvest festival today")
            _ = try await store.record(post)

            var edited = StoreDatabase.post(id: post.id, externalID: post.externalID, text: "Lovely harvest festival!", receivedAfter: 10)
            edited.revision = 7  // ignored: the store numbers revisions
            let second = try await store.record(edited)
            guard case .revised(let revision2) = second else { Issue.record("expected .revised, got \(second)"); return }
            #expect(revision2.revision == 2)
            #expect(revision2.editedAt == edited.receivedAt)  // no platform edit time: when it arrived
            #expect(try await store.latest(id: post.id) == revision2)

            let sameAgain = try await store.record(
                StoreDatabase.post(
                    id: post.id, externalID: post.externalID, text: "Lovely harvest festival!", receivedAfter: 20))
            #expect(sameAgain == .duplicate(revision2))

            // The author's display name is content too.
            let renamed = try await store.record(
                StoreDatabase.post(
                    id: post.id, externalID: post.externalID, text: "Lovely harvest festival!", displayName: "Daniel Reeve"))
            #expect(renamed.post.revision == 3 && !renamed.isDuplicate)
            #expect(try await store.count() == 1)
            #expect(try await store.revisionCount() == 3)
            #expect(
                try await StoreDatabase.scalar(
                    client,
                    "SELECT count(*) FROM posts a WHERE NOT EXISTS (SELECT 1 FROM posts b WHERE b.id = a.id AND b.revision < a.revision AND post_same_content(a.document, b.document))"
                ) == 3)
        }
    }
}
