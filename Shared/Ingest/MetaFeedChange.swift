import Foundation
import ParapetModels

/// One `feed` change on a Facebook Page: a post or comment added, edited, removed or hidden.
///
/// `value` carries `item` (`comment`, `post`, `status`, `photo`, `video`, `share`, …), `verb`,
/// `post_id` (`<page id>_<post id>`), for comments `comment_id` and `parent_id`, `from`
/// (`{"id", "name"}`, withheld for some users), `message`, `created_time` (Unix seconds or an
/// ISO 8601 string), and for pictures `link`, `photo` or `photos`.
enum MetaFeedChange {
    /// Items that are posts on the page's feed; all other items (reactions, likes, events, …) are skipped.
    static let postItems: Set<String> = ["post", "status", "photo", "video", "share", "album"]

    /// What a verb does to the item.
    private enum Effect {
        case add, edit, remove(PostRemoval.Reason), skip
    }

    /// The item the change describes, or nil when Parapet has no use for it.
    static func item(_ value: JSONObject, _ context: MetaChangeContext) throws(IngestError) -> IngestItem? {
        let itemKind = try value.required("item").string()
        let isComment = itemKind == "comment"
        guard isComment || postItems.contains(itemKind) else { return nil }

        let verbField = try value.required("verb")
        let effect: Effect
        switch try verbField.string() {
        case "add": effect = .add
        case "edited", "edit", "update": effect = .edit
        case "remove", "delete": effect = .remove(.removed)
        case "hide": effect = .remove(.hidden)
        case "unhide", "block", "unblock", "follow", "mute": effect = .skip
        case let other:
            throw verbField.invalid("\(JSONStringEscaping.excerpt(other)) is not add, edited, remove, hide or unhide")
        }

        let postID = try value.required("post_id").identifier()
        let externalID = isComment ? try value.required("comment_id").identifier() : postID
        switch effect {
        case .skip:
            return nil
        case .remove(let reason):
            return .removal(
                PostRemoval(
                    platform: .facebook, accountExternalID: context.account, externalID: externalID,
                    at: context.changedAt, reason: reason))
        case .add, .edit:
            break
        }

        let author: PostAuthor
        if let from = try value.optional("from")?.object() {
            let id = try from.optional("id")?.identifier()
            let name = try from.optional("name")?.string()
            author = id.map { PostAuthor(handle: $0, displayName: name) } ?? MetaChangeContext.unknownAuthor(of: externalID)
        } else {
            author = MetaChangeContext.unknownAuthor(of: externalID)
        }
        let createdAt = try value.optional("created_time")?.unixOrISOTime() ?? context.changedAt
        var editedAt: Date?
        if case .edit = effect { editedAt = max(context.changedAt, createdAt) }

        return .post(
            PostDraft(
                platform: .facebook, accountExternalID: context.account, externalID: externalID, author: author,
                text: try value.optional("message")?.string() ?? "",
                media: try media(value, itemKind: itemKind),
                replyTo: isComment ? try value.optional("parent_id")?.identifier() ?? postID : nil,
                createdAt: createdAt, editedAt: editedAt,
                permalink: IngestURL.permalink("https://www.facebook.com/", postID)))
    }

    /// Pictures named by `photos`, `photo`, and `link` on a photo or video item, each once.
    private static func media(_ value: JSONObject, itemKind: String) throws(IngestError) -> [MediaAttachment] {
        var found: [MediaAttachment] = []
        func add(_ url: URL, _ type: MediaAttachment.Kind) {
            if !found.contains(where: { $0.url == url }) { found.append(MediaAttachment(url: url, type: type)) }
        }
        for photo in try value.optional("photos")?.array() ?? [] {
            add(try photo.webURL(), .image)
        }
        if let photo = try value.optional("photo")?.webURL() { add(photo, .image) }
        if itemKind == "photo" || itemKind == "video", let link = try value.optional("link")?.webURL() {
            add(link, itemKind == "photo" ? .image : .video)
        }
        if itemKind == "video", let video = try value.optional("video")?.webURL() { add(video, .video) }
        return found
    }
}
