import Foundation
import ParapetModels
import ParapetPostgres
import ParapetStore
import Testing

@Suite("Recording a removal")
struct RecordRemovalTests {
    @Test("a removal marks the latest revision removed; a second is a duplicate; an unknown post gives nil")
    func removal() async throws {
        try await StoreDatabase.with { client in
            let store = PostStore(client: client)
            let post = StoreDatabase.post(text: "Mr Hollis shouted at my son")
            _ = try await store.record(post)
            _ = try await store.record(StoreDatabase.post(id: post.id, externalID: post.externalID, text: "edited", receivedAfter: 5))

            let at = Date(timeIntervalSince1970: 1_790_000_500)
            let removal = try await store.recordRemoval(id: post.id, at: at)
            guard case .removed(let removed) = removal else { Issue.record("expected .removed, got \(String(describing: removal))"); return }
            #expect(removed.revision == 2 && removed.removedAt == at && removed.text == "edited")
            #expect(try await store.latest(id: post.id) == removed)
            #expect(
                try await StoreDatabase.scalar(
                    client,
                    """
                    SELECT count(*) FROM posts WHERE id = \(post.id) AND removed_at IS NOT NULL
                        AND document ->> 'removed_at' IS NOT NULL
                    """) == 1)

            let second = try await store.recordRemoval(id: post.id, at: at.addingTimeInterval(60))
            #expect(second == .duplicate(removed))
            #expect(try await store.revisionCount() == 2)

            #expect(try await store.recordRemoval(id: UUID(), at: at) == nil)
        }
    }
}
