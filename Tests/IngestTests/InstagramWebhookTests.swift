import Foundation
import ParapetIngest
import ParapetModels
import Testing

@Suite("Instagram webhooks become posts")
struct InstagramWebhookTests {
    @Test func commentBecomesAPostByItsUsername() throws {
        let items = try MetaWebhook.parse(Payloads.bytes(Payloads.instagramComment), receivedAt: Payloads.receivedAt)
        #expect(
            items == [
                .post(
                    PostDraft(
                        platform: .instagram, accountExternalID: "17841400008460056",
                        externalID: "17865799348089039", author: PostAuthor(handle: "trimley_dad"),
                        text: "Is that Jamie Smith in the front row?", replyTo: "17865799348089011",
                        createdAt: Date(timeIntervalSince1970: 1_726_920_000)))
            ])
    }

    @Test func mentionWithoutWordsIsSkipped() throws {
        #expect(try MetaWebhook.parse(Payloads.bytes(Payloads.instagramMention), receivedAt: Payloads.receivedAt).isEmpty)
    }

    @Test func mentionWithWordsIsReadLikeAComment() throws {
        let body = """
            {"object":"instagram","entry":[{"id":"17841400008460056","time":1726920100,"changes":[{"field":"mentions",
            "value":{"id":"17894227972186120","text":"@levens_school why was my son left out?","from":{"id":"5","username":"a_dad"},
            "media":{"id":"17918195224117851"}}}]}]}
            """
        let items = try MetaWebhook.parse(Payloads.bytes(body), receivedAt: Payloads.receivedAt)
        guard case .post(let draft) = items.first, items.count == 1 else { Issue.record("\(items)"); return }
        #expect(draft.externalID == "17894227972186120")
        #expect(draft.author.handle == "a_dad")
        #expect(draft.replyTo == "17918195224117851")
    }
}
