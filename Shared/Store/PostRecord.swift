import ParapetModels

/// What storing an item did, with the post revision to publish on `parapet.posts`.
///
/// Every case carries the stored revision, so ingest publishes the same way whatever happened:
/// a duplicate is published again, which is what makes a retry after a crash between commit
/// and publish lose nothing (consumers dedupe on post id and revision).
public enum PostRecord: Sendable, Hashable {
    /// The first sighting of the post: revision 1 was stored.
    case new(Post)
    /// The content (text, media or author's display name) differed from the latest revision:
    /// revision n+1 was stored.
    case revised(Post)
    /// The latest revision was marked as taken down.
    case removed(Post)
    /// Nothing was written: the item matched the latest revision (or, for a removal, the post
    /// was already removed). The stored latest revision.
    case duplicate(Post)

    /// The stored revision, whatever happened.
    public var post: Post {
        switch self {
        case .new(let post), .revised(let post), .removed(let post), .duplicate(let post): post
        }
    }

    /// Whether anything was written.
    public var isDuplicate: Bool {
        if case .duplicate = self { true } else { false }
    }
}
