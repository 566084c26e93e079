import Foundation
import ParapetModels

/// One change on an Instagram professional account: a comment on its media (`comments`), or a
/// comment elsewhere that @mentions it (`mentions`).
///
/// A `comments` value is `{"id": <comment id>, "text", "from": {"id", "username"},
/// "media": {"id", "media_product_type"}, "parent_id"?}`. Instagram's webhooks carry no comment
/// time, so the entry's time stands in for it.
enum InstagramChange {
    /// A comment on the account's media.
    static func comment(_ value: JSONObject, _ context: MetaChangeContext) throws(IngestError) -> IngestItem {
        try draft(value, externalID: try value.required("id").identifier(), context)
    }

    /// A mention of the account. Meta documents mentions as `{"comment_id", "media_id"}` only,
    /// without the words, which must be fetched from the Graph API; such a mention is skipped
    /// (nil). A mention that carries `text` is read like a comment.
    static func mention(_ value: JSONObject, _ context: MetaChangeContext) throws(IngestError) -> IngestItem? {
        guard value.optional("text") != nil else { return nil }
        return try draft(value, externalID: try value.required(anyOf: "id", "comment_id").identifier(), context)
    }

    private static func draft(
        _ value: JSONObject, externalID: String, _ context: MetaChangeContext
    ) throws(IngestError) -> IngestItem {
        var author = MetaChangeContext.unknownAuthor(of: externalID)
        if let from = try value.optional("from")?.object() {
            let id = try from.optional("id")?.identifier()
            let username = try from.optional("username")?.string()
            if let handle = username ?? id { author = PostAuthor(handle: handle) }
        }
        var mediaID = try value.optional("media")?.object().optional("id")?.identifier()
        if mediaID == nil { mediaID = try value.optional("media_id")?.identifier() }
        return .post(
            PostDraft(
                platform: .instagram, accountExternalID: context.account, externalID: externalID, author: author,
                text: try value.optional("text")?.string() ?? "",
                replyTo: try value.optional("parent_id")?.identifier() ?? mediaID,
                createdAt: context.changedAt))
    }
}
