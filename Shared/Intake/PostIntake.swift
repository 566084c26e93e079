import Foundation
import ParapetIngest
import ParapetKafka
import ParapetModels
import ParapetPipeline
import ParapetStore

/// An accepted item and, for `/v1/posts` and imports, the account the caller named.
public struct IntakeItem: Sendable {
    public var account: String?
    public var item: IngestItem

    public init(account: String?, item: IngestItem) {
        self.account = account
        self.item = item
    }
}

/// What one request's (or import's) items became.
public struct IntakeSummary: Sendable, Equatable, CustomStringConvertible {
    public var new = 0
    public var revised = 0
    public var duplicates = 0
    public var removed = 0
    /// Removals of posts Parapet never saw: nothing to mark.
    public var ignored = 0

    public init() {}

    public var total: Int { new + revised + duplicates + removed + ignored }

    public var description: String {
        "\(total) posts: \(new) new, \(revised) revised, \(duplicates) duplicates, \(removed) removed, \(ignored) ignored"
    }

    public mutating func add(_ other: IntakeSummary) {
        new += other.new
        revised += other.revised
        duplicates += other.duplicates
        removed += other.removed
        ignored += other.ignored
    }

    public mutating func count(_ record: PostRecord) {
        switch record {
        case .new: new += 1
        case .revised: revised += 1
        case .duplicate: duplicates += 1
        case .removed: removed += 1
        }
    }

    public var json: String {
        #"{"accepted":\#(new + revised + duplicates + removed + ignored),"new":\#(new),"revised":\#(revised),"duplicates":\#(duplicates),"removed":\#(removed),"ignored":\#(ignored)}"#
    }
}

/// Turns verified items into stored and published posts. The caller replies only after `accept`
/// returns: by then every post is in PostgreSQL and acknowledged by Kafka.
public struct PostIntake: Sendable {
    public let accounts: AccountCache
    private let batcher: IntakeBatcher

    public init(store: PostStore, accounts: AccountCache, producer: KafkaProducer) {
        self.accounts = accounts
        self.batcher = IntakeBatcher(store: store, producer: producer)
    }

    /// Resolves every item's account first, so a request with one unknown account stores nothing;
    /// then stores and publishes its items together with those of concurrent requests.
    public func accept(_ items: [IntakeItem], receivedAt: Date) async throws -> IntakeSummary {
        var resolved: [(account: ResolvedAccount, item: IngestItem)] = []
        for entry in items {
            let account = try await account(for: entry)
            // An item named by account id (the API, imports) takes the account's platform and id.
            resolved.append((account, entry.account == nil ? entry.item : entry.item.resolved(for: account.account)))
        }
        guard !resolved.isEmpty else { return IntakeSummary() }
        return try await batcher.submit(resolved, receivedAt: receivedAt)
    }

    private func account(for entry: IntakeItem) async throws -> ResolvedAccount {
        if let id = entry.account { return try await accounts.byID(id) }
        return try await accounts.byExternalID(platform: entry.item.platform, externalID: entry.item.accountExternalID)
    }
}
