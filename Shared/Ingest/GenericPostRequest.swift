import Foundation
import ParapetModels

/// The body of `POST /v1/posts`, for connectors (forums, websites, platforms without webhooks):
/// one post object, or `{"posts": [ … ]}` with 1 to ``maximumBatch`` of them.
///
/// A post object:
///
/// | key | |
/// | --- | --- |
/// | `account` | required: the monitored account id (Parapet's, not the platform's) |
/// | `external_id` | required: the platform's id for the post (string or whole number) |
/// | `author` | required unless `removed`: `{"handle" (required), "display_name", "kind"}` |
/// | `text` | required unless `removed`; may be empty only when `media` is not |
/// | `media` | `[{"url" (http/https, required), "type" (image, video, other; required), "alt_text", "sha256" (64 lower-case hex)}]` |
/// | `reply_to` | the platform's id of the post it replies to |
/// | `created_at` | required unless `removed`: ISO 8601 with a zone |
/// | `edited_at` | ISO 8601 with a zone: this content is an edit |
/// | `permalink` | http/https URL |
/// | `removed` | `true`: the post was taken down (only `account` and `external_id` are needed) |
/// | `removed_at` | ISO 8601 with a zone: when it was taken down (default: when received) |
///
/// Items come back with platform ``MonitoredAccount/Platform/website`` and
/// ``PostDraft/accountExternalID`` set to the account id, because the body names accounts by
/// Parapet's id: the service looks each account up, checks the token is scoped to it, and calls
/// ``IngestItem/resolved(for:)`` before storing.
public enum GenericPostRequest {
    /// The most posts one request may carry.
    public static let maximumBatch = 500

    /// Every post in the body, each beside the account id it names.
    ///
    /// - Throws: `invalid_utf8` or `malformed_json` (400) for a body that is not UTF-8 JSON;
    ///   `invalid_field` (400) naming the path (`posts[3].created_at: …`) of the first bad field;
    ///   `too_large` (413) for more than ``maximumBatch`` posts.
    public static func decode(_ body: [UInt8], receivedAt: Date) throws(IngestError) -> [(account: String, item: IngestItem)] {
        let root = JSONField(try JSONValue.parseRequest(body))
        let object = try root.object()
        guard let postsField = object.optional("posts"), object.optional("account") == nil else {
            return [try post(root, receivedAt: receivedAt)]
        }
        let posts = try postsField.array()
        guard !posts.isEmpty else { throw postsField.invalid("is empty; send 1 to \(maximumBatch) posts") }
        guard posts.count <= maximumBatch else {
            throw IngestError(.tooLarge, "posts: \(posts.count) posts; one request carries at most \(maximumBatch)")
        }
        var decoded: [(account: String, item: IngestItem)] = []
        decoded.reserveCapacity(posts.count)
        for post in posts {
            decoded.append(try self.post(post, receivedAt: receivedAt))
        }
        return decoded
    }

    /// One post object.
    static func post(_ field: JSONField, receivedAt: Date) throws(IngestError) -> (account: String, item: IngestItem) {
        let post = try field.object()
        let account = try post.required("account").nonEmptyString()
        let externalID = try post.required("external_id").identifier()

        if try post.optional("removed")?.bool() == true {
            let removal = PostRemoval(
                platform: .website, accountExternalID: account, externalID: externalID,
                at: try post.optional("removed_at")?.isoTime() ?? receivedAt)
            return (account, .removal(removal))
        }

        let authorObject = try post.required("author").object()
        var author = PostAuthor(
            handle: try authorObject.required("handle").nonEmptyString(),
            displayName: try authorObject.optional("display_name")?.string())
        if let kindField = authorObject.optional("kind") {
            let name = try kindField.string()
            guard let kind = PostAuthor.Kind(name: name) else { throw kindField.invalid(PostAuthor.Kind.unknown(name)) }
            author.kind = kind
        }

        var media: [MediaAttachment] = []
        for entry in try post.optional("media")?.array() ?? [] {
            media.append(try attachment(entry))
        }
        let textField = try post.required("text")
        let text = try textField.string()
        guard !text.isEmpty || !media.isEmpty else { throw textField.invalid("is empty and the post has no media") }

        let draft = PostDraft(
            platform: .website, accountExternalID: account, externalID: externalID, author: author, text: text,
            media: media, replyTo: try post.optional("reply_to")?.identifier(),
            createdAt: try post.required("created_at").isoTime(),
            editedAt: try post.optional("edited_at")?.isoTime(),
            permalink: try post.optional("permalink")?.webURL())
        return (account, .post(draft))
    }

    private static func attachment(_ field: JSONField) throws(IngestError) -> MediaAttachment {
        let entry = try field.object()
        let typeField = try entry.required("type")
        let typeName = try typeField.string()
        guard let type = MediaAttachment.Kind(name: typeName) else { throw typeField.invalid(MediaAttachment.Kind.unknown(typeName)) }
        var sha256: String?
        if let hashField = entry.optional("sha256") {
            let hash = try hashField.string()
            guard hash.utf8.count == 64,
                hash.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            else { throw hashField.invalid("\(JSONStringEscaping.excerpt(hash)) is not 64 lower-case hex digits") }
            sha256 = hash
        }
        return MediaAttachment(
            url: try entry.required("url").webURL(), type: type,
            altText: try entry.optional("alt_text")?.string(), sha256: sha256)
    }
}
