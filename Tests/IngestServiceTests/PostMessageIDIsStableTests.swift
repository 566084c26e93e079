import Foundation
import ParapetIntake
import ParapetModels
import Testing

/// A published post's envelope id must never change between releases: consumers drop repeats by
/// it, so a different id for the same stored revision would be classified and escalated twice.
@Suite struct PostMessageIDIsStableTests {
    private func post(id: UUID, revision: Int, removedAt: Date? = nil) -> Post {
        Post(
            id: id, trust: "oakfield-learning-trust", school: "stokes-wood", account: "sw-forum", platform: .forum,
            externalID: "x", author: PostAuthor(handle: "someone"), text: "Hello", createdAt: Date(timeIntervalSince1970: 0),
            receivedAt: Date(timeIntervalSince1970: 0), revision: revision, removedAt: removedAt)
    }

    @Test func idsAreTheOnesEarlierReleasesPublished() throws {
        let id = try #require(UUID(uuidString: "0B5A3F8E-9C1D-4E2F-8A7B-6C5D4E3F2A1B"))
        // Computed outside Swift: SHA-256 of "parapet.post:<id>:<revision>:<live|removed>",
        // first 16 bytes, version 8 and the RFC 9562 variant.
        #expect(PostMessageID.for(post(id: id, revision: 1)).uuidString == "58475590-DFBB-847E-9027-C52056B7998B")
        #expect(PostMessageID.for(post(id: id, revision: 12, removedAt: Date())).uuidString == "34F61BD2-761A-8DF6-A57B-FF803AA591ED")
    }

    @Test func everyRevisionAndRemovalHasItsOwnID() {
        let id = UUID()
        let ids = Set(
            (1...50).flatMap { revision in
                [PostMessageID.for(post(id: id, revision: revision)), PostMessageID.for(post(id: id, revision: revision, removedAt: Date()))]
            })
        #expect(ids.count == 100)
        #expect(PostMessageID.for(post(id: id, revision: 3)) == PostMessageID.for(post(id: id, revision: 3)))
    }
}
