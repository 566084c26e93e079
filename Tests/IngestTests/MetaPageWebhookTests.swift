import Foundation
import ParapetIngest
import ParapetModels
import Testing

@Suite("Meta Page feed webhooks become posts, edits and removals")
struct MetaPageWebhookTests {
    private func parse(_ payload: String) throws -> [IngestItem] {
        try MetaWebhook.parse(Payloads.bytes(payload), receivedAt: Payloads.receivedAt)
    }

    @Test func commentAddedBecomesAPostReplyingToTheParent() throws {
        let items = try parse(Payloads.metaCommentAdded)
        #expect(items.count == 1)
        guard case .post(let draft) = items.first else { Issue.record("expected a post, got \(items)"); return }
        #expect(draft.platform == .facebook)
        #expect(draft.accountExternalID == Payloads.pageID)
        #expect(draft.externalID == Payloads.commentID)
        #expect(draft.author == PostAuthor(handle: "7712345678901234", displayName: "Sam Parent"))
        #expect(draft.text == "Well done Year 6!")
        #expect(draft.replyTo == Payloads.postID)
        #expect(draft.createdAt == Date(timeIntervalSince1970: 1_726_906_497))
        #expect(draft.editedAt == nil)
        #expect(draft.media.isEmpty)
        #expect(draft.permalink == URL(string: "https://www.facebook.com/104839512345678_122103846645077607"))
        #expect(draft.id == PostIdentity.id(platform: .facebook, externalID: Payloads.commentID))
    }

    @Test func commentEditedKeepsItsIdentityAndIsStampedWithTheEditTime() throws {
        let items = try parse(Payloads.metaCommentEdited)
        guard case .post(let draft) = items.first, items.count == 1 else { Issue.record("\(items)"); return }
        #expect(draft.externalID == Payloads.commentID)
        #expect(draft.text == "Well done Year 6! Shame about the referee.")
        #expect(draft.createdAt == Date(timeIntervalSince1970: 1_726_906_497))
        #expect(draft.editedAt == Date(timeIntervalSince1970: 1_726_906_560))
    }

    private func expectRemoval(_ payload: String, at seconds: TimeInterval, reason: PostRemoval.Reason) throws {
        let removal = PostRemoval(
            platform: .facebook, accountExternalID: Payloads.pageID, externalID: Payloads.commentID,
            at: Date(timeIntervalSince1970: seconds), reason: reason)
        #expect(try parse(payload) == [.removal(removal)])
    }

    @Test func commentRemovedBecomesARemoval() throws {
        try expectRemoval(Payloads.metaCommentRemoved, at: 1_726_906_620, reason: .removed)
    }

    @Test func hiddenCommentBecomesAHiddenRemoval() throws {
        try expectRemoval(Payloads.metaCommentHidden, at: 1_726_906_680, reason: .hidden)
    }

    @Test func photoPostCarriesItsPictureAsAnImage() throws {
        let items = try parse(Payloads.metaPhotoPost)
        guard case .post(let draft) = items.first, items.count == 1 else { Issue.record("\(items)"); return }
        #expect(draft.externalID == "104839512345678_122103999000000001")
        #expect(draft.author.handle == Payloads.pageID)
        #expect(draft.replyTo == nil)
        #expect(draft.text == "Sports day on the top field")
        #expect(
            draft.media == [
                MediaAttachment(
                    url: URL(string: "https://scontent.xx.fbcdn.net/v/t39.30808-6/460056812_122103846_n.jpg")!,
                    type: .image)
            ])
        #expect(draft.permalink?.absoluteString == "https://www.facebook.com/104839512345678_122103999000000001")
    }

    @Test func statusPostWithAnISOCreatedTime() throws {
        let items = try parse(Payloads.metaStatusPost)
        guard case .post(let draft) = items.first, items.count == 1 else { Issue.record("\(items)"); return }
        #expect(draft.text == "School closes at 1pm on Friday.")
        #expect(draft.media.isEmpty)
        #expect(draft.createdAt == Date(timeIntervalSince1970: 1_726_912_798))
    }

    @Test func multiPhotoPostKeepsEveryPhotoAndReactionsAreSkipped() throws {
        let items = try parse(Payloads.metaPhotosAndReaction)
        guard case .post(let draft) = items.first, items.count == 1 else { Issue.record("\(items)"); return }
        #expect(draft.media.map(\.url.lastPathComponent) == ["1_n.jpg", "2_n.jpg"])
        #expect(draft.media.allSatisfy { $0.type == .image })
    }

    @Test func commentWithoutAuthorOrWordsGetsAnAuthorOfItsOwn() throws {
        let body = """
            {"object":"page","entry":[{"id":"1","time":1726906500,"changes":[{"field":"feed","value":{
            "item":"comment","verb":"add","post_id":"1_2","comment_id":"2_3","parent_id":"1_2","created_time":1726906497}}]}]}
            """
        let items = try parse(body)
        guard case .post(let draft) = items.first else { Issue.record("\(items)"); return }
        #expect(draft.author == PostAuthor(handle: "unknown:2_3"))
        #expect(draft.text == "")
    }

    @Test func otherFieldsAndMessagingEntriesAreSkipped() throws {
        let body = """
            {"object":"page","entry":[
              {"id":"1","time":1726906500,"changes":[{"field":"ratings","value":{"review_text":"x"}}]},
              {"id":"1","time":1726906500,"messaging":[{"sender":{"id":"9"},"message":{"text":"hi"}}]}]}
            """
        #expect(try parse(body).isEmpty)
    }

    @Test func unknownVerbNamesItsPath() {
        let body = """
            {"object":"page","entry":[{"id":"1","time":1,"changes":[
              {"field":"feed","value":{"item":"reaction","verb":"add"}},
              {"field":"feed","value":{"item":"comment","verb":"frobnicate","post_id":"1_2","comment_id":"2_3"}}]}]}
            """
        #expect(
            throws: IngestError(
                .invalidField, #"entry[0].changes[1].value.verb: "frobnicate" is not add, edited, remove, hide or unhide"#
            )
        ) { try parse(body) }
    }

    @Test func wrongTypesNameTheirPath() {
        #expect(throws: IngestError(.invalidField, #"entry[0].time: expected a Unix time (a number), found "soon""#)) {
            try parse(#"{"object":"page","entry":[{"id":"1","time":"soon","changes":[]}]}"#)
        }
        #expect(throws: IngestError(.invalidField, "entry: is required but missing")) {
            try parse(#"{"object":"page"}"#)
        }
        #expect(throws: IngestError(.invalidField, "entry[0].changes[0].value.post_id: expected an id (a string or a whole number), found 1.5")) {
            try parse(#"{"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":{"item":"post","verb":"add","post_id":1.5}}]}]}"#)
        }
    }

    @Test func otherObjectsAreUnsupported() {
        #expect(throws: IngestError(.unsupported, #"object: "user" is not page or instagram"#)) {
            try parse(#"{"object":"user","entry":[]}"#)
        }
    }
}
