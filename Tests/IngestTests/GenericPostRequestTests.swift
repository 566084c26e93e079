import Foundation
import ParapetIngest
import ParapetModels
import Testing

@Suite("The /v1/posts body: one post or a batch, every field checked")
struct GenericPostRequestTests {
    private func decode(_ body: String) throws -> [(account: String, item: IngestItem)] {
        try GenericPostRequest.decode(Payloads.bytes(body), receivedAt: Payloads.receivedAt)
    }

    @Test func singlePostIsDecodedWithEveryField() throws {
        let decoded = try decode(Payloads.genericSingle)
        #expect(decoded.count == 1)
        #expect(decoded.first?.account == "levens-parents-forum")
        guard case .post(let draft) = decoded.first?.item else { Issue.record("\(decoded)"); return }
        #expect(draft.externalID == "thread-88/post-4")
        #expect(draft.accountExternalID == "levens-parents-forum")
        #expect(draft.author == PostAuthor(handle: "mum_of_three", displayName: "Mum of Three", kind: .parent))
        #expect(draft.text == "Has anyone else complained about the new head?")
        #expect(
            draft.media == [
                MediaAttachment(
                    url: URL(string: "https://forum.example.org/uploads/gate.jpg")!, type: .image,
                    altText: "The school gate",
                    sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            ])
        #expect(draft.replyTo == "thread-88/post-1")
        #expect(draft.createdAt == ParapetJSON.date(from: "2024-09-21T08:15:00Z"))
        #expect(draft.editedAt == nil)
        #expect(draft.permalink?.absoluteString == "https://forum.example.org/t/88#post-4")
    }

    @Test func batchCarriesEditsAndRemovals() throws {
        let decoded = try decode(Payloads.genericBatch)
        #expect(decoded.map(\.account) == ["levens-parents-forum", "levens-parents-forum"])
        guard case .post(let draft) = decoded.first?.item else { Issue.record("\(decoded)"); return }
        #expect(draft.editedAt == ParapetJSON.date(from: "2024-09-21T08:00:00.250Z"))
        #expect(draft.author.kind == .unknown)
        guard case .removal(let removal) = decoded.last?.item else { Issue.record("\(decoded)"); return }
        #expect(removal.externalID == "thread-88/post-5")
        #expect(removal.at == ParapetJSON.date(from: "2024-09-21T10:00:00Z"))
    }

    @Test func resolvingPlacesTheItemOnTheAccount() throws {
        let decoded = try decode(Payloads.genericSingle)
        let account = MonitoredAccount(
            id: "levens-parents-forum", school: "levens", platform: .forum, externalID: "forum-levens",
            name: "Levens parents' forum", runBy: .parentGroup)
        let resolved = try #require(decoded.first).item.resolved(for: account)
        #expect(resolved.platform == .forum)
        #expect(resolved.accountExternalID == "forum-levens")
        #expect(resolved.postID == PostIdentity.id(platform: .forum, externalID: "thread-88/post-4"))
    }

    @Test func mediaOnlyPostMayHaveEmptyText() throws {
        let body = #"""
            {"account":"a","external_id":7,"author":{"handle":"h"},"text":"","created_at":"2024-09-21T08:15:00+01:00",
             "media":[{"url":"https://example.org/p.jpg","type":"image"}]}
            """#
        guard case .post(let draft) = try decode(body).first?.item else { Issue.record(); return }
        #expect(draft.externalID == "7")
    }

    static let invalidCases: [(body: String, code: String, message: String)] = [
        (
            #"{"external_id":"1","author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00Z"}"#,
            "invalid_field", "account: is required but missing"
        ),
        (
            #"{"account":"","external_id":"1","author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00Z"}"#,
            "invalid_field", "account: must not be empty"
        ),
        (
            #"{"account":"a","author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00Z"}"#,
            "invalid_field", "external_id: is required but missing"
        ),
        (
            #"{"account":"a","external_id":true,"author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00Z"}"#,
            "invalid_field", "external_id: expected an id (a string or a whole number), found true"
        ),
        (
            #"{"account":"a","external_id":"1","text":"t","created_at":"2024-09-21T08:15:00Z"}"#,
            "invalid_field", "author: is required but missing"
        ),
        (
            #"{"account":"a","external_id":"1","author":{"display_name":"D"},"text":"t","created_at":"2024-09-21T08:15:00Z"}"#,
            "invalid_field", "author.handle: is required but missing"
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h","kind":"teacher"},"text":"t","created_at":"2024-09-21T08:15:00Z"}"#,
            "invalid_field", #"author.kind: "teacher" is not one of parent, staff, pupil, governor, public, unknown"#
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"created_at":"2024-09-21T08:15:00Z"}"#,
            "invalid_field", "text: is required but missing"
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"","created_at":"2024-09-21T08:15:00Z"}"#,
            "invalid_field", "text: is empty and the post has no media"
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":["t"],"created_at":"2024-09-21T08:15:00Z"}"#,
            "invalid_field", "text: expected a string, found an array"
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t"}"#,
            "invalid_field", "created_at: is required but missing"
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t","created_at":"yesterday"}"#,
            "invalid_field", #"created_at: "yesterday" is not an ISO 8601 time"#
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00"}"#,
            "invalid_field", #"created_at: "2024-09-21T08:15:00" is not an ISO 8601 time"#
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t","created_at":1726906497}"#,
            "invalid_field", "created_at: expected a string, found 1726906497"
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00Z","edited_at":"later"}"#,
            "invalid_field", #"edited_at: "later" is not an ISO 8601 time"#
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00Z","permalink":"javascript:alert(1)"}"#,
            "invalid_field", #"permalink: "javascript:alert(1)" is not an http or https URL"#
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00Z","media":[{"type":"image"}]}"#,
            "invalid_field", "media[0].url: is required but missing"
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00Z","media":[{"url":"https://e.org/a","type":"gif"}]}"#,
            "invalid_field", #"media[0].type: "gif" is not one of image, video, other"#
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00Z","media":[{"url":"https://e.org/a","type":"image","sha256":"ABC"}]}"#,
            "invalid_field", #"media[0].sha256: "ABC" is not 64 lower-case hex digits"#
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00Z","media":{"url":"x"}}"#,
            "invalid_field", "media: expected an array, found an object"
        ),
        (
            #"{"account":"a","external_id":"1","author":{"handle":"h"},"text":"t","created_at":"2024-09-21T08:15:00Z","reply_to":-4}"#,
            "invalid_field", "reply_to: expected an id (a string or a whole number), found -4"
        ),
        (
            #"{"account":"a","external_id":"1","removed":"yes"}"#,
            "invalid_field", #"removed: expected true or false, found "yes""#
        ),
        (#"{"posts":[]}"#, "invalid_field", "posts: is empty; send 1 to 500 posts"),
        (#"{"posts":{}}"#, "invalid_field", "posts: expected an array, found an object"),
        (
            #"{"posts":[{"account":"a","external_id":"1","removed":true},{"account":"a","external_id":"2","author":{"handle":"h"},"text":"t","created_at":"yesterday"}]}"#,
            "invalid_field", #"posts[1].created_at: "yesterday" is not an ISO 8601 time"#
        ),
        (#"[{"account":"a"}]"#, "invalid_field", "body: expected an object, found an array"),
    ]

    @Test(arguments: invalidCases)
    func invalidFieldIsNamed(_ invalid: (body: String, code: String, message: String)) {
        let error = #expect(throws: IngestError.self) { try decode(invalid.body) }
        #expect(error?.code == invalid.code)
        #expect(error?.message == invalid.message)
        #expect(error?.status == 400)
    }

    @Test func batchOfMoreThan500IsTooLarge() throws {
        let one = #"{"account":"a","external_id":"1","removed":true}"#
        let body = #"{"posts":["# + Array(repeating: one, count: 501).joined(separator: ",") + "]}"
        #expect(throws: IngestError(.tooLarge, "posts: 501 posts; one request carries at most 500")) { try decode(body) }
        let full = #"{"posts":["# + Array(repeating: one, count: 500).joined(separator: ",") + "]}"
        #expect(try decode(full).count == 500)
    }
}
