import ParapetModels
import ParapetPostgres

/// Every monitored account with its trust, as loaded from `monitored_accounts`, for ingest to
/// find the account an incoming item arrived for without a query per item.
///
/// A value: load it again (``load(_:)``) after `parapet config apply` changes the accounts.
public struct AccountDirectory: Sendable, Hashable {
    /// One monitored account and the trust whose school it belongs to.
    public struct Entry: Sendable, Hashable {
        public var account: MonitoredAccount
        public var trust: String

        public init(account: MonitoredAccount, trust: String) {
            self.account = account
            self.trust = trust
        }
    }

    /// The platform and the platform's page, handle or forum id: unique among accounts.
    private struct PlatformKey: Hashable {
        var platform: MonitoredAccount.Platform
        var externalID: String
    }

    private var byID: [String: Entry] = [:]
    private var byPlatform: [PlatformKey: Entry] = [:]

    /// A directory of `entries`; a later entry with the same id or the same platform and
    /// external id replaces an earlier one.
    public init(_ entries: [Entry] = []) {
        for entry in entries {
            byID[entry.account.id] = entry
            byPlatform[PlatformKey(platform: entry.account.platform, externalID: entry.account.externalID)] = entry
        }
    }

    /// Every monitored account in the database.
    public static func load(_ client: PostgresClient) async throws -> AccountDirectory {
        let rows = try await client.query("SELECT trust_id, document FROM monitored_accounts ORDER BY id")
        return AccountDirectory(
            try rows.map { row in
                Entry(
                    account: try row.decode(PostgresJSON<MonitoredAccount>.self, column: "document").value,
                    trust: try row.decode(String.self, column: "trust_id"))
            })
    }

    /// The account with this platform and external id (the page, user or forum id an item
    /// arrived for), if Parapet watches it.
    public func account(platform: MonitoredAccount.Platform, externalID: String) -> Entry? {
        byPlatform[PlatformKey(platform: platform, externalID: externalID)]
    }

    /// The account with this id (``MonitoredAccount/id``).
    public func account(id: String) -> Entry? {
        byID[id]
    }

    /// Every account, ordered by id.
    public var entries: [Entry] {
        byID.values.sorted { $0.account.id < $1.account.id }
    }

    /// The number of accounts.
    public var count: Int { byID.count }
}
