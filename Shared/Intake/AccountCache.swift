import Foundation
import ParapetIngest
import ParapetModels
import ParapetPostgres
import ParapetStore

/// A monitored account and the trust it belongs to.
public struct ResolvedAccount: Sendable {
    public var account: MonitoredAccount
    public var trust: String

    public init(account: MonitoredAccount, trust: String) {
        self.account = account
        self.trust = trust
    }

    init(_ entry: AccountDirectory.Entry) {
        self.init(account: entry.account, trust: entry.trust)
    }

    /// The post a draft for this account becomes (its revision is assigned by the store).
    public func post(from draft: PostDraft, receivedAt: Date) -> Post {
        Post(
            id: PostIdentity.id(platform: draft.platform, externalID: draft.externalID), trust: trust, school: account.school,
            account: account.id, platform: draft.platform, externalID: draft.externalID, author: draft.author, text: draft.text,
            media: draft.media, replyTo: draft.replyTo, createdAt: draft.createdAt, receivedAt: receivedAt, permalink: draft.permalink,
            revision: 1, editedAt: draft.editedAt, removedAt: nil)
    }
}

/// The monitored accounts, loaded from PostgreSQL and reloaded on a miss (at most every few
/// seconds), so an account added by `config apply` is accepted without a restart.
public actor AccountCache {
    private let client: PostgresClient
    private var directory: AccountDirectory?
    private var loadedAt: ContinuousClock.Instant?
    private let reloadInterval: Duration

    public init(client: PostgresClient, reloadInterval: Duration = .seconds(5)) {
        self.client = client
        self.reloadInterval = reloadInterval
    }

    public func byExternalID(platform: MonitoredAccount.Platform, externalID: String) async throws -> ResolvedAccount {
        if let found = try await lookup({ $0.account(platform: platform, externalID: externalID) }) { return ResolvedAccount(found) }
        throw IngestError(.unknownAccount, "no monitored \(platform.rawValue) account has id \"\(externalID)\"")
    }

    public func byID(_ id: String) async throws -> ResolvedAccount {
        if let found = try await lookup({ $0.account(id: id) }) { return ResolvedAccount(found) }
        throw IngestError(.unknownAccount, "account: \"\(id)\" is not a monitored account")
    }

    private func lookup(_ find: (AccountDirectory) -> AccountDirectory.Entry?) async throws -> AccountDirectory.Entry? {
        if let directory, let found = find(directory) { return found }
        let now = ContinuousClock.now
        if let loadedAt, directory != nil, now - loadedAt < reloadInterval { return nil }
        let fresh = try await AccountDirectory.load(client)
        directory = fresh
        loadedAt = now
        return find(fresh)
    }
}
