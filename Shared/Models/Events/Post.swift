import Foundation

/// One revision of a post, comment or reply on a monitored account, as ingest normalised it;
/// payload of `parapet.post/1` on `parapet.posts`, keyed by account id.
///
/// Revisions: a post keeps its `id` for life. The first time ingest sees it, `revision` is 1 and
/// `editedAt` is nil; each edit is a new message with the whole new content, `revision` one
/// higher and `editedAt` set (``revised(text:media:editedAt:receivedAt:)``). A message is a
/// snapshot, not a diff; the history is the posts table's rows for one id. The classifier judges
/// each revision and names it in its verdict.
///
/// Removal: when the post is taken down, ingest sends it again with `removedAt` set and the same
/// revision, since the content did not change (``removed(at:)``).
public struct Post: EventPayload, Hashable, Identifiable {
    public static let schema = EventSchema.postV1
    public static let topic = ParapetTopic.posts

    /// Parapet's id for the post, the same for every revision.
    public var id: UUID
    public var trust: String
    public var school: String
    /// The id of the monitored account it was posted on (``MonitoredAccount/id``).
    public var account: String
    public var platform: MonitoredAccount.Platform
    /// The platform's id for the post.
    public var externalID: String
    public var author: PostAuthor
    /// The text as posted, unaltered: evidence spans count UTF-16 code units into it.
    public var text: String
    public var media: [MediaAttachment]
    /// The platform's id of the post this one replies to, if it is a reply or comment.
    public var replyTo: String?
    /// When the author first posted it, by the platform's clock.
    public var createdAt: Date
    /// When ingest received this revision.
    public var receivedAt: Date
    /// A link to the post on the platform.
    public var permalink: URL?
    /// 1 for the post as first seen, one more for each edit.
    public var revision: Int
    /// When this revision was made; nil for revision 1.
    public var editedAt: Date?
    /// When the post was taken down; nil while it is up.
    public var removedAt: Date?

    public init(
        id: UUID = UUID(), trust: String, school: String, account: String, platform: MonitoredAccount.Platform,
        externalID: String, author: PostAuthor, text: String, media: [MediaAttachment] = [], replyTo: String? = nil,
        createdAt: Date, receivedAt: Date, permalink: URL? = nil, revision: Int = 1, editedAt: Date? = nil,
        removedAt: Date? = nil
    ) {
        precondition(revision >= 1, "revisions count from 1")
        self.id = id
        self.trust = trust
        self.school = school
        self.account = account
        self.platform = platform
        self.externalID = externalID
        self.author = author
        self.text = text
        self.media = media
        self.replyTo = replyTo
        self.createdAt = createdAt
        self.receivedAt = receivedAt
        self.permalink = permalink
        self.revision = revision
        self.editedAt = editedAt
        self.removedAt = removedAt
    }

    /// Whether the post has been taken down.
    public var isRemoved: Bool { removedAt != nil }

    /// The key verdicts and cases group this post's author by.
    public var authorKey: AuthorKey { AuthorKey(platform: platform, handle: author.handle) }

    /// The latest thing that happened to it: removal, else the edit, else the posting.
    public var occurredAt: Date { removedAt ?? editedAt ?? createdAt }

    /// The account id, so that one account's posts stay in order.
    public var partitionKey: String { account }

    /// The next revision: the same post with new content.
    public func revised(text: String, media: [MediaAttachment]? = nil, editedAt: Date, receivedAt: Date) -> Post {
        var next = self
        next.text = text
        next.media = media ?? self.media
        next.revision = revision + 1
        next.editedAt = editedAt
        next.receivedAt = receivedAt
        return next
    }

    /// This revision, marked as taken down at `date`.
    public func removed(at date: Date) -> Post {
        var next = self
        next.removedAt = date
        return next
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        trust = try container.decode(String.self, forKey: .trust)
        school = try container.decode(String.self, forKey: .school)
        account = try container.decode(String.self, forKey: .account)
        platform = try container.decode(MonitoredAccount.Platform.self, forKey: .platform)
        externalID = try container.decode(String.self, forKey: .externalID)
        author = try container.decode(PostAuthor.self, forKey: .author)
        text = try container.decode(String.self, forKey: .text)
        media = try container.decode([MediaAttachment].self, forKey: .media)
        replyTo = try container.decodeIfPresent(String.self, forKey: .replyTo)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        receivedAt = try container.decode(Date.self, forKey: .receivedAt)
        permalink = try container.decodeIfPresent(URL.self, forKey: .permalink)
        revision = try container.decode(Int.self, forKey: .revision)
        editedAt = try container.decodeIfPresent(Date.self, forKey: .editedAt)
        removedAt = try container.decodeIfPresent(Date.self, forKey: .removedAt)
        guard revision >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .revision, in: container, debugDescription: "revisions count from 1, not \(revision)")
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, trust, school, account, platform, author, text, media, permalink, revision
        case externalID = "external_id"
        case replyTo = "reply_to"
        case createdAt = "created_at"
        case receivedAt = "received_at"
        case editedAt = "edited_at"
        case removedAt = "removed_at"
    }
}
