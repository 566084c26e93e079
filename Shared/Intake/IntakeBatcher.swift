import Foundation
import ParapetIngest
import ParapetKafka
import ParapetModels
import ParapetPipeline
import ParapetStore

/// Stores and publishes the items of concurrent requests together: while batches are in
/// PostgreSQL and Kafka (a few at once, to hide their latency), the requests that arrive wait
/// and then go as the next batch, in one statement and one Kafka send. Each request still hears only its own outcome, once its own
/// posts are stored and acknowledged. Under light load a batch is a single request; no timer
/// holds anything back.
actor IntakeBatcher {
    struct Request {
        var items: [(account: ResolvedAccount, item: IngestItem)]
        var receivedAt: Date
        var continuation: CheckedContinuation<IntakeSummary, any Error>
    }

    private let store: PostStore
    private let producer: KafkaProducer
    private let maximumItems: Int
    private let maximumInFlight: Int
    private var waiting: [Request] = []
    private var inFlight = 0

    init(store: PostStore, producer: KafkaProducer, maximumItems: Int = 2000, maximumInFlight: Int = 4) {
        self.store = store
        self.producer = producer
        self.maximumItems = maximumItems
        self.maximumInFlight = maximumInFlight
    }

    func submit(_ items: [(account: ResolvedAccount, item: IngestItem)], receivedAt: Date) async throws -> IntakeSummary {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Request(items: items, receivedAt: receivedAt, continuation: continuation))
            startBatches()
        }
    }

    /// Starts batches from the waiting requests while fewer than the maximum are in flight.
    private func startBatches() {
        while !waiting.isEmpty && inFlight < maximumInFlight {
            var batch: [Request] = []
            var count = 0
            while let next = waiting.first, batch.isEmpty || count + next.items.count <= maximumItems {
                batch.append(waiting.removeFirst())
                count += next.items.count
            }
            inFlight += 1
            let requests = batch
            Task { await self.run(requests) }
        }
    }

    private func run(_ batch: [Request]) async {
        do {
            let summaries = try await process(batch)
            for (request, summary) in zip(batch, summaries) { request.continuation.resume(returning: summary) }
        } catch {
            // Nothing of this batch may be acknowledged: every sender retries, and the retry
            // finds whatever was stored as a duplicate.
            for request in batch { request.continuation.resume(throwing: error) }
        }
        inFlight -= 1
        startBatches()
    }

    private func process(_ batch: [Request]) async throws -> [IntakeSummary] {
        var summaries = Array(repeating: IntakeSummary(), count: batch.count)
        var posts: [(post: Post, request: Int, trust: String)] = []
        var removals: [(id: UUID, at: Date, request: Int, trust: String)] = []
        for (index, request) in batch.enumerated() {
            for (account, item) in request.items {
                switch item {
                case .post(let draft):
                    posts.append((account.post(from: draft, receivedAt: request.receivedAt), index, account.trust))
                case .removal(let removal):
                    removals.append((PostIdentity.id(platform: removal.platform, externalID: removal.externalID), removal.at, index, account.trust))
                }
            }
        }
        var published: [String: [Post]] = [:]
        let records = try await store.recordBatch(posts.map(\.post))
        for (record, entry) in zip(records, posts) {
            summaries[entry.request].count(record)
            published[entry.trust, default: []].append(record.post)
        }
        for removal in removals {
            guard let record = try await store.recordRemoval(id: removal.id, at: removal.at) else {
                summaries[removal.request].ignored += 1
                continue
            }
            summaries[removal.request].count(record)
            published[removal.trust, default: []].append(record.post)
        }
        // A duplicate is published again: its first publish may have been lost to a crash
        // between commit and send. The envelope id is the same, so consumers drop repeats.
        for (trust, posts) in published {
            try await EventPublisher(producer: producer, trust: trust).publish(posts, messageID: PostMessageID.for)
        }
        return summaries
    }
}
