import Foundation
import ParapetIngest
import ParapetModels
import Testing

@Suite("X Account Activity deliveries become posts and removals")
struct XWebhookTests {
    @Test func tweetMentioningTheSchoolKeepsEveryPhotoAndItsFullID() throws {
        let items = try XWebhook.parse(Payloads.bytes(Payloads.xMentionWithMedia), receivedAt: Payloads.receivedAt)
        guard case .post(let draft) = items.first, items.count == 1 else { Issue.record("\(items)"); return }
        #expect(draft.platform == .x)
        #expect(draft.accountExternalID == "2244994945")
        #expect(draft.externalID == "1050118621198921728")
        #expect(draft.author == PostAuthor(handle: "a_parent", displayName: "A Parent"))
        #expect(draft.text == "@LevensSchool look at the state of the swimming gala https://t.co/Xf3RnUh8Ab")
        #expect(draft.createdAt == Date(timeIntervalSince1970: 1_539_202_764))
        #expect(draft.replyTo == nil)
        #expect(draft.permalink?.absoluteString == "https://x.com/a_parent/status/1050118621198921728")
        #expect(
            draft.media == [
                MediaAttachment(
                    url: URL(string: "https://pbs.twimg.com/media/DpMhY2XU0AAl5Xv.jpg")!, type: .image,
                    altText: "Children at the pool side"),
                MediaAttachment(url: URL(string: "https://pbs.twimg.com/media/DpMhY2XU0AAl5Xw.jpg")!, type: .image),
            ])
    }

    @Test func longReplyPrefersTheExtendedFullText() throws {
        let items = try XWebhook.parse(Payloads.bytes(Payloads.xLongReply), receivedAt: Payloads.receivedAt)
        guard case .post(let draft) = items.first, items.count == 1 else { Issue.record("\(items)"); return }
        #expect(draft.text.hasSuffix("waiting at the gate. Not good enough."))
        #expect(draft.replyTo == "1050200000000000000")
        #expect(draft.createdAt == Date(timeIntervalSince1970: 1_539_243_000))
    }

    @Test func tweetDeleteBecomesARemovalAtItsTimestamp() throws {
        let items = try XWebhook.parse(Payloads.bytes(Payloads.xTweetDeleted), receivedAt: Payloads.receivedAt)
        #expect(
            items == [
                .removal(
                    PostRemoval(
                        platform: .x, accountExternalID: "2244994945", externalID: "1045405559317569537",
                        at: Date(timeIntervalSince1970: 1_432_228_155.593), reason: .removed))
            ])
        #expect(items.first?.postID == UUID(uuidString: "D1865960-BC00-8D63-A504-0ACECDFFECF3"))
    }

    @Test func otherEventsAreSkipped() throws {
        let body = #"{"for_user_id":"2244994945","favorite_events":[{"id":"a","favorited_status":{}}],"follow_events":[]}"#
        #expect(try XWebhook.parse(Payloads.bytes(body), receivedAt: Payloads.receivedAt).isEmpty)
    }

    @Test func badCreatedAtNamesItsPath() {
        let body = #"{"for_user_id":"1","tweet_create_events":[{"id_str":"2","text":"hi","user":{"id_str":"3"},"created_at":"yesterday"}]}"#
        #expect(
            throws: IngestError(
                .invalidField,
                #"tweet_create_events[0].created_at: "yesterday" is not an X time like "Wed Oct 10 20:19:24 +0000 2018""#
            )
        ) { try XWebhook.parse(Payloads.bytes(body), receivedAt: Payloads.receivedAt) }
    }

    @Test func missingForUserIDIsAnInvalidField() {
        #expect(throws: IngestError(.invalidField, "for_user_id: is required but missing")) {
            try XWebhook.parse(Payloads.bytes(#"{"tweet_create_events":[]}"#), receivedAt: Payloads.receivedAt)
        }
    }
}
