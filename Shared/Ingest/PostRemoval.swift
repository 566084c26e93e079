import Foundation
import ParapetModels

/// A post or comment taken down on the platform: the store sets `removed_at` on its latest
/// revision.
public struct PostRemoval: Sendable, Hashable {
    /// How it came down.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Deleted by its author or the platform (Meta's `remove`, X's tweet delete).
        case removed
        /// Hidden by the page (Meta's `hide`): no longer shown, but not deleted.
        case hidden
    }

    public var platform: MonitoredAccount.Platform
    /// The page or user id the removal arrived for, as in ``PostDraft/accountExternalID``.
    public var accountExternalID: String
    /// The platform's id for the post or comment.
    public var externalID: String
    /// When it was taken down (the platform's time when it gives one, else when ingest received it).
    public var at: Date
    public var reason: Reason

    public init(
        platform: MonitoredAccount.Platform, accountExternalID: String, externalID: String, at: Date,
        reason: Reason = .removed
    ) {
        self.platform = platform
        self.accountExternalID = accountExternalID
        self.externalID = externalID
        self.at = at
        self.reason = reason
    }

    /// Parapet's id for the post taken down: ``PostIdentity/id(platform:externalID:)``.
    public var id: UUID { PostIdentity.id(platform: platform, externalID: externalID) }
}
