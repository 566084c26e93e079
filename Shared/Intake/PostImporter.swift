import Foundation
import ParapetIngest
import ParapetKafka
import ParapetModels
import ParapetPipeline
import ParapetStore

/// Bulk import: lines in the `/v1/posts` shape become stored and published posts, a batch at a
/// time (one transaction and one Kafka batch each). While a batch is stored and published, the
/// next is read and decoded.
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
        var batch = decode(lines, firstLine: lineNumber + 1)
        lineNumber += lines.count
        while batch.lines > 0 {
            for (line, error) in batch.invalid where !onInvalid(line, error) {
                // Stop here, but keep every good line before the bad one: nothing before it is lost.
                batch.posts.removeAll { $0.line > line }
                batch.removals.removeAll { $0.line > line }
                let kept = try await storeAndPublish(batch)
                summary.add(kept)
                onProgress(bytesRead, summary.total)
                throw ImportStopped(line: line, error: error, summary: summary)
            }
            // Store and publish this batch while the next one is read and decoded.
            let current = batch
            async let stored = storeAndPublish(current)
            lines = await nextLines()
            let next = decode(lines, firstLine: lineNumber + 1)
            lineNumber += lines.count
            summary.add(try await stored)
            onProgress(bytesRead, summary.total)
            batch = next
        }
        return summary
    }

    private func decode(_ lines: [ArraySlice<UInt8>], firstLine: Int) -> Batch {
        var batch = Batch()
        batch.lines = lines.count
        let received = Date()
        for (offset, line) in lines.enumerated() where !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
            let number = firstLine + offset
            do {
                let (accountID, item) = try JSONLinesImport.decode(Array(line), line: number, receivedAt: received)
                guard let account = directory.account(id: accountID) else {
                    throw IngestError(status: 422, code: "unknown_account", message: "line \(number): account: \"\(accountID)\" is not a monitored account")
                }
                let resolved = ResolvedAccount(account)
                switch item.resolved(for: account.account) {
                case .post(let draft): batch.posts.append((resolved.post(from: draft, receivedAt: received), resolved.trust, number))
                case .removal(let removal):
                    batch.removals.append((PostIdentity.id(platform: removal.platform, externalID: removal.externalID), removal.at, resolved.trust, number))
                }
            } catch let error as IngestError {
                batch.invalid.append((number, error))
            } catch {
                batch.invalid.append((number, IngestError(status: 400, code: "invalid_field", message: "line \(number): \(error)")))
            }
        }
        return batch
    }

    private func storeAndPublish(_ batch: Batch) async throws -> IntakeSummary {
        var summary = IntakeSummary()
        var published: [String: [Post]] = [:]
        let records = try await store.recordBatch(batch.posts.map(\.post))
        for (record, entry) in zip(records, batch.posts) {
            summary.count(record)
            published[entry.trust, default: []].append(record.post)
        }
        for removal in batch.removals {
            guard let record = try await store.recordRemoval(id: removal.id, at: removal.at) else {
                summary.ignored += 1
                continue
            }
            summary.count(record)
            published[removal.trust, default: []].append(record.post)
        }
        for (trust, posts) in published {
            try await EventPublisher(producer: producer, trust: trust).publish(posts, messageID: PostMessageID.for)
        }
        return summary
    }
}
