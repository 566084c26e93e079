import Foundation
import ParapetModels

/// A post, comment or reply as a platform or connector delivered it, normalised but not yet tied
/// to a school: ingest resolves (platform, ``accountExternalID``) to a monitored account and the
/// store turns the draft into a ``Post`` revision.
public struct PostDraft: Sendable, Hashable {
    public var platform: MonitoredAccount.Platform
    /// The page or user id the item arrived for (Meta's `entry.id`, X's `for_user_id`); for the
    /// generic API, Parapet's monitored account id until ``IngestItem/resolved(for:)``.
    public var accountExternalID: String
    /// The platform's id for the post or comment.
    public var externalID: String
    public var author: PostAuthor
    /// The text as posted, unaltered (may be empty for a photo or sticker without words).
    public var text: String
    public var media: [MediaAttachment]
    /// The platform's id of the post or comment this one replies to.
    public var replyTo: String?
    /// When the author first posted it, by the platform's clock.
    public var createdAt: Date
    /// When this content was made by an edit; nil for the content as first posted.
    public var editedAt: Date?
    /// A link to the item on the platform, when one can be derived.
    public var permalink: URL?

    public init(
        platform: MonitoredAccount.Platform, accountExternalID: String, externalID: String, author: PostAuthor,
        text: String, media: [MediaAttachment] = [], replyTo: String? = nil, createdAt: Date, editedAt: Date? = nil,
        permalink: URL? = nil
    ) {
        self.platform = platform
        self.accountExternalID = accountExternalID
        self.externalID = externalID
        self.author = author
        self.text = text
        self.media = media
        self.replyTo = replyTo
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.permalink = permalink
    }

    /// Parapet's id for the post: ``PostIdentity/id(platform:externalID:)``.
    public var id: UUID { PostIdentity.id(platform: platform, externalID: externalID) }
}
