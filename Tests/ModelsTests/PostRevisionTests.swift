import Foundation
import ParapetModels
import Testing

@Suite("Posts: revisions, removal and author keys")
struct PostRevisionTests {
    @Test("an edit is the same post with the next revision, new content and the edit's time")
    func edit() {
        let edited = Fixture.post.revised(
            text: "Mrs Bell is great actually", media: [], editedAt: Fixture.date("2026-09-21T09:00:00Z"),
            receivedAt: Fixture.date("2026-09-21T09:00:02Z"))
        #expect(edited.id == Fixture.post.id)
        #expect(edited.externalID == Fixture.post.externalID)
        #expect(edited.revision == 2)
        #expect(edited.text == "Mrs Bell is great actually")
        #expect(edited.media.isEmpty)
        #expect(edited.editedAt == Fixture.date("2026-09-21T09:00:00Z"))
        #expect(edited.createdAt == Fixture.post.createdAt)
        #expect(edited.occurredAt == Fixture.date("2026-09-21T09:00:00Z"))
        #expect(Fixture.post.revised(text: "x", editedAt: .now, receivedAt: .now).media == Fixture.post.media)
    }

    @Test("a removal marks this revision removed without changing it")
    func removal() {
        let removed = Fixture.post.removed(at: Fixture.date("2026-09-21T10:00:00Z"))
        #expect(!Fixture.post.isRemoved)
        #expect(removed.isRemoved)
        #expect(removed.revision == Fixture.post.revision)
        #expect(removed.text == Fixture.post.text)
        #expect(removed.occurredAt == Fixture.date("2026-09-21T10:00:00Z"))
    }

    @Test("author keys ignore case, a leading @ and surrounding spaces, but not the platform")
    func authorKeys() {
        #expect(AuthorKey(platform: .x, handle: " @Dan_R ").rawValue == "x:dan_r")
        #expect(AuthorKey(platform: .x, handle: "dan_r") == AuthorKey(platform: .x, handle: "@DAN_R"))
        #expect(AuthorKey(platform: .instagram, handle: "dan_r") != AuthorKey(platform: .x, handle: "dan_r"))
        #expect(Fixture.post.authorKey == Fixture.author)
    }

    @Test("an author's kind defaults to unknown when the JSON leaves it out")
    func authorKindDefault() throws {
        let author = try ParapetJSON.decode(PostAuthor.self, from: Data(#"{"handle": "someone"}"#.utf8))
        #expect(author == PostAuthor(handle: "someone", displayName: nil, kind: .unknown))
    }
}
