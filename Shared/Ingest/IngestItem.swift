import Foundation
import ParapetModels

/// One thing a delivery says happened to a post: it appeared (or was edited), or it came down.
public enum IngestItem: Sendable, Hashable {
    case post(PostDraft)
    case removal(PostRemoval)

    public var platform: MonitoredAccount.Platform {
        switch self {
        case .post(let draft): draft.platform
        case .removal(let removal): removal.platform
        }
    }

    /// The page or user id the item arrived for.
    public var accountExternalID: String {
        switch self {
        case .post(let draft): draft.accountExternalID
        case .removal(let removal): removal.accountExternalID
        }
    }

    /// The platform's id for the post or comment.
    public var externalID: String {
        switch self {
        case .post(let draft): draft.externalID
        case .removal(let removal): removal.externalID
        }
    }

    /// Parapet's id for the post the item is about.
    public var postID: UUID { PostIdentity.id(platform: platform, externalID: externalID) }

    /// The item placed on `account`: its platform and account external id replaced by the
    /// account's. The generic API names accounts by Parapet's id, so the service calls this once
    /// it has looked the account up (and checked the token may write to it).
    public func resolved(for account: MonitoredAccount) -> IngestItem {
        switch self {
        case .post(var draft):
            draft.platform = account.platform
            draft.accountExternalID = account.externalID
            return .post(draft)
        case .removal(var removal):
            removal.platform = account.platform
            removal.accountExternalID = account.externalID
            return .removal(removal)
        }
    }
}
