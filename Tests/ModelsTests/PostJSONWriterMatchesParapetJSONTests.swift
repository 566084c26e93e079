import Foundation
import ParapetModels
import Testing

/// Posts and their envelopes are written by hand on the publish and store paths; the bytes must
/// be exactly ParapetJSON's, or a re-published post would differ from the first publish.
@Suite struct PostJSONWriterMatchesParapetJSONTests {
    private static var posts: [Post] {
        var minimal = Fixture.post
        minimal.media = []
        minimal.replyTo = nil
        minimal.permalink = nil
        minimal.author = PostAuthor(handle: "h")
        var edited = Fixture.post
        edited.revision = 3
        edited.editedAt = Fixture.date("2026-09-22T10:00:00.999Z")
        edited.removedAt = Fixture.date("2026-09-23T00:00:00.000Z")
        var awkward = Fixture.post
        awkward.text = "quote \" backslash \\ slash / tab \t newline \n nul \u{0} bell \u{7} del \u{7F} 🧒🏽 e\u{301} \u{2028}"
        awkward.author = PostAuthor(handle: "x/\"y\"", displayName: "Zoë \u{1F}", kind: .staff)
        awkward.createdAt = Date(timeIntervalSince1970: -0.5)  // before 1970: Foundation's path
        awkward.receivedAt = Date(timeIntervalSince1970: 1_790_000_000.9996)
        return [Fixture.post, minimal, edited, awkward]
    }

    @Test func postBytesAreParapetJSONs() throws {
        for post in Self.posts {
            #expect(PostJSONWriter.encode(post) == Array(try ParapetJSON.encode(post)))
        }
    }

    @Test func envelopeBytesAreParapetJSONs() throws {
        for post in Self.posts {
            let envelope = Envelope(trust: post.trust, payload: post)
            #expect(Post.encodedEnvelope(envelope) == Array(try ParapetJSON.encode(envelope)))
        }
    }
}
