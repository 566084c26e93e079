import Foundation
import ParapetIngest
import ParapetKafka
import ParapetModels
import ParapetPipeline
import ParapetStore

/// Bulk import: lines in the `/v1/posts` shape become stored and published posts, a batch at a
/// time (one ``PostStore/recordBatch(_:)-(PreparedPostBatch)`` and one Kafka batch each). While a
/// batch is stored and published, the next is read and decoded.
public struct PostImporter: Sendable {
    public let store: PostStore
    public let directory: AccountDirectory
    public let producer: KafkaProducer

    public init(store: PostStore, directory: AccountDirectory, producer: KafkaProducer) {
        self.store = store
        self.directory = directory
        self.producer = producer
    }

    /// A decoded batch: posts to store in bulk, removals to apply one by one, bad lines.
    struct Batch: Sendable {
        var posts: [(post: Post, trust: String, line: Int)] = []
        var removals: [(id: UUID, at: Date, trust: String, line: Int)] = []
        /// `posts`, encoded for the store ahead of time (nil: not yet, or posts changed since).
        var prepared: PreparedPostBatch?
        var invalid: [(line: Int, error: IngestError)] = []
        var bytes = 0
        var lines = 0
    }

    /// Thrown when `onInvalid` says to stop: what was imported before the bad line.
    public struct ImportStopped: Error, CustomStringConvertible {
        public var line: Int
        public var error: IngestError
        public var summary: IntakeSummary
        public var description: String { "stopped at line \(line); \(summary) stored before it" }
    }

    /// Imports every line; `onInvalid` hears of each bad line and returns whether to go on.
    /// When it says stop, the good lines before the bad one are stored and `ImportStopped` is thrown.
    public func run(
        lines reader: LineReader, batchSize: Int,
        onInvalid: (Int, IngestError) -> Bool, onProgress: (_ bytes: Int, _ posts: Int) -> Void
    ) async throws -> IntakeSummary {
        var summary = IntakeSummary()
        var lineNumber = 0
        var bytesRead = 0
        var pending: [ArraySlice<UInt8>] = []
        var endOfFile = false

        /// Takes up to `batchSize` lines, reading more chunks as needed.
        func nextLines() async -> [ArraySlice<UInt8>] {
            while pending.count < batchSize && !endOfFile {
                let chunk = await reader.next()
                if chunk.lines.isEmpty { endOfFile = true } else { pending += chunk.lines }
                bytesRead += chunk.bytes
            }
            let taken = Array(pending.prefix(batchSize))
            pending.removeFirst(taken.count)
            return taken
        }

        var lines = await nextLines()
        var batch = await decode(lines, firstLine: lineNumber + 1, maximumLineBytes: reader.maximumLineBytes)
        lineNumber += lines.count
        // Three stages overlap: batch N+1 is read and decoded while batch N is stored and the
        // batch before it (N-1) is published. Stores run one after another in input order, and
        // so do publishes (a batch is published only once the one before it is acknowledged),
        // so every outcome and the order of messages are those of a one-at-a-time import.
        var publishing: Task<Void, any Error>?
        do {
            while batch.lines > 0 {
                for (line, error) in batch.invalid where !onInvalid(line, error) {
                    // Stop here, but keep every good line before the bad one: nothing before it is lost.
                    batch.posts.removeAll { $0.line > line }
                    batch.prepared = nil
                    batch.removals.removeAll { $0.line > line }
                    let (kept, toPublish) = try await store(batch)
                    try await publishing?.value
                    publishing = nil
                    try await publish(toPublish)
                    summary.add(kept)
                    onProgress(bytesRead, summary.total)
                    throw ImportStopped(line: line, error: error, summary: summary)
                }
                // Store this batch while the next one is read and decoded (and the last one published).
                let current = batch
                async let stored = store(current)
                lines = await nextLines()
                var next = await decode(lines, firstLine: lineNumber + 1, maximumLineBytes: reader.maximumLineBytes)
                lineNumber += lines.count
                next.prepared = try await PreparedPostBatch(next.posts.map(\.post))
                let (counted, toPublish) = try await stored
                try await publishing?.value
                publishing = Task { try await publish(toPublish) }
                summary.add(counted)
                onProgress(bytesRead, summary.total)
                batch = next
            }
            try await publishing?.value
        } catch {
            // Whatever happened, the publish already under way finishes before the error is thrown.
            _ = try? await publishing?.value
            throw error
        }
        return summary
    }

    /// Decodes the lines, the two halves at once: decoding is the importer's largest cost, and
    /// one thread decoding alone left a core idle once the store's backends finished.
    private func decode(_ lines: [ArraySlice<UInt8>], firstLine: Int, maximumLineBytes: Int) async -> Batch {
        let received = Date()
        guard lines.count >= 2 * Self.linesBetweenYields else {
            return await decode(lines[...], firstLine: firstLine, received: received, maximumLineBytes: maximumLineBytes)
        }
        let middle = lines.count / 2
        async let first = decode(lines[..<middle], firstLine: firstLine, received: received, maximumLineBytes: maximumLineBytes)
        let second = await decode(lines[middle...], firstLine: firstLine, received: received, maximumLineBytes: maximumLineBytes)
        var batch = await first
        batch.posts.append(contentsOf: second.posts)
        batch.removals.append(contentsOf: second.removals)
        batch.invalid.append(contentsOf: second.invalid)
        batch.lines += second.lines
        return batch
    }

    /// Decodes `lines` (a slice of the batch; line numbers count from `firstLine` at the
    /// batch's start).
    private func decode(
        _ lines: ArraySlice<ArraySlice<UInt8>>, firstLine: Int, received: Date, maximumLineBytes: Int
    ) async -> Batch {
        var batch = Batch()
        batch.lines = lines.count
        for (offset, line) in zip(lines.indices, lines) {
            // Decoding a batch is tens of milliseconds of work: let the store's and the
            // publisher's continuations run between chunks instead of waiting for all of it.
            if (offset - lines.startIndex) % Self.linesBetweenYields == Self.linesBetweenYields - 1 { await Task.yield() }
            guard !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) else { continue }
            let number = firstLine + offset
            do {
                guard line.count <= maximumLineBytes else {
                    throw IngestError(.tooLarge, "line \(number): longer than \(maximumLineBytes) bytes")
                }
                let (accountID, item) = try JSONLinesImport.decode(Array(line), line: number, receivedAt: received)
                guard let account = directory.account(id: accountID) else {
                    throw IngestError(.unknownAccount, "line \(number): account: \"\(accountID)\" is not a monitored account")
                }
                let resolved = ResolvedAccount(account)
                switch item.resolved(for: account.account) {
                case .post(let draft): batch.posts.append((resolved.post(from: draft, receivedAt: received), resolved.trust, number))
                case .removal(let removal):
                    batch.removals.append(
                        (PostIdentity.id(platform: removal.platform, externalID: removal.externalID), removal.at, resolved.trust, number))
                }
            } catch let error as IngestError {
                batch.invalid.append((number, error))
            } catch {
                batch.invalid.append((number, IngestError(.invalidField, "line \(number): \(error)")))
            }
        }
        return batch
    }

    /// How many lines (or posts) CPU-bound work handles before it yields the thread.
    static let linesBetweenYields = 250

    /// A stored post to publish, with its JSON when the store already wrote it (a new post).
    typealias Stored = (post: Post, json: [UInt8]?)

    /// Stores the batch; returns what happened and the posts to publish, by trust, in order.
    private func store(_ batch: Batch) async throws -> (IntakeSummary, [(trust: String, posts: [Stored])]) {
        var summary = IntakeSummary()
        var published: [(trust: String, posts: [Stored])] = []
        func add(_ post: Post, json: [UInt8]? = nil, _ trust: String) {
            if let index = published.firstIndex(where: { $0.trust == trust }) {
                published[index].posts.append((post, json))
            } else {
                published.append((trust, [(post, json)]))
            }
        }
        let prepared: PreparedPostBatch
        if let ready = batch.prepared { prepared = ready } else { prepared = try await PreparedPostBatch(batch.posts.map(\.post)) }
        let records = try await store.recordBatch(prepared)
        for (index, record) in records.enumerated() {
            summary.count(record)
            // A new post is exactly the revision 1 the store wrote: its JSON is reused, not rewritten.
            if case .new(let post) = record {
                add(post, json: prepared.revisionOneJSON(at: index), batch.posts[index].trust)
            } else {
                add(record.post, batch.posts[index].trust)
            }
        }
        for removal in batch.removals {
            guard let record = try await store.recordRemoval(id: removal.id, at: removal.at) else {
                summary.ignored += 1
                continue
            }
            summary.count(record)
            add(record.post, removal.trust)
        }
        return (summary, published)
    }

    /// Publishes stored posts, in order, and returns once Kafka has acknowledged every one.
    /// The messages are those ``EventPublisher`` makes, encoded on two cores at once and then
    /// sent as one batch.
    private func publish(_ published: [(trust: String, posts: [Stored])]) async throws {
        for (trust, posts) in published where !posts.isEmpty {
            let middle = posts.count / 2
            async let first = Self.messages(posts[..<middle], trust: trust)
            let second = await Self.messages(posts[middle...], trust: trust)
            var messages = await first
            messages.append(contentsOf: second)
            _ = try await producer.send(messages)
        }
    }

    /// ``EventPublisher/messages(_:trust:replay:messageID:)`` for stored posts, using the JSON
    /// of those the store already wrote.
    private static func messages(_ posts: ArraySlice<Stored>, trust: String) async -> [KafkaOutgoingMessage] {
        var maker = EventMessages<Post>()
        var messages: [KafkaOutgoingMessage] = []
        messages.reserveCapacity(posts.count)
        for (offset, stored) in posts.enumerated() {
            if offset % linesBetweenYields == linesBetweenYields - 1 { await Task.yield() }
            let envelope = Envelope(id: PostMessageID.for(stored.post), trust: trust, payload: stored.post)
            let value = stored.json.map { PostJSONWriter.encode(envelope, payloadJSON: $0) } ?? PostJSONWriter.encode(envelope)
            assert(value == (try? ParapetJSON.encode(envelope)).map(Array.init), "envelope differs from ParapetJSON's")
            messages.append(maker.message(key: envelope.partitionKey, value: value))
        }
        return messages
    }
}
