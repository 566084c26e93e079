import Foundation
import ParapetModels
import ParapetPostgres
import ParapetStore
import Testing

@Suite("Concurrent deliveries of one post")
struct ConcurrentRecordTests {
    @Test("50 concurrent deliveries of one post make one new post and 49 duplicates")
    func sameDelivery() async throws {
        try await StoreDatabase.with(maximumConnections: 8) { client in
            let store = PostStore(client: client)
            let post = StoreDatabase.post(text: "Sports day is cancelled")
            let records = try await withThrowingTaskGroup(of: PostRecord.self) { group in
                for _ in 0..<50 { group.addTask { try await store.record(post) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(records.count { if case .new = $0 { true } else { false } } == 1)
            #expect(records.count { $0.isDuplicate } == 49)
            #expect(Set(records.map(\.post)).count == 1)
            #expect(try await store.revisionCount() == 1)
        }
    }

    @Test("20 concurrent distinct edits make revisions 2 to 21, none lost or doubled")
    func distinctEdits() async throws {
        try await StoreDatabase.with(maximumConnections: 8) { client in
            let store = PostStore(client: client)
            let post = StoreDatabase.post(text: "original")
            _ = try await store.record(post)
            let records = try await withThrowingTaskGroup(of: PostRecord.self) { group in
                for edit in 0..<20 {
                    group.addTask {
                        try await store.record(
                            StoreDatabase.post(
                                id: post.id, externalID: post.externalID, text: "edit \(edit)", receivedAfter: Double(edit)))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(records.allSatisfy { if case .revised = $0 { true } else { false } })
            #expect(records.map(\.post.revision).sorted() == Array(2...21))
            #expect(Set(records.map(\.post.text)).count == 20)
            #expect(
                try await StoreDatabase.scalar(
                    client,
                    """
                    SELECT count(*) FROM posts WHERE id = \(post.id) AND revision BETWEEN 1 AND 21
                    """) == 21)
            #expect(try await store.revisionCount() == 21)
        }
    }
}
