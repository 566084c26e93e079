import CoreMetrics
import Foundation
import Logging
import ParapetKafka
import ParapetModels
import ParapetPipeline
import ParapetPostgres
import ParapetRuntime
import ParapetStore

/// The classifier: consumes `parapet.posts`, holds each post against its school's policy pack,
/// stores the verdict in PostgreSQL and publishes it to `parapet.verdicts`, keyed by school and
/// author.
///
/// A batch at a time, in three overlapping stages: while one batch is in PostgreSQL (its
/// verdicts and `processed_messages` markers in one transaction) the next is polled, decoded and
/// classified on every core, and the one before is published. A batch's offsets are stored only
/// once every verdict and dead letter of it is acknowledged by Kafka, and batches finish in
/// order, so a crash at any point replays what was not finished and skips nothing; the replay
/// finds its verdicts stored and publishes them again (the stored ones, with their ids), which
/// escalation drops by verdict id.
///
/// A message that cannot be processed goes to `parapet.dead-letters` (``DeadLetter``) and the
/// loop goes on. Removed posts are marked processed and not classified. The engines follow
/// `config apply` (``TrustEngines``); until a trust has been applied the service waits, ready
/// but not consuming.
public struct ClassifierService: Service {
    private let configuration: ClassifierConfiguration
    private let verdicts: VerdictStore
    private let engines: TrustEngines
    private let producer: KafkaProducer
    private let metrics: ClassifierMetrics
    private let logger: Logger

    /// Makes the producer at once (it fails only for bad settings); joins the group in `run`.
    public init(
        configuration: ClassifierConfiguration, postgres: PostgresClient, logger: Logger,
        metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) throws {
        self.configuration = configuration
        self.logger = logger
        metrics = ClassifierMetrics(factory: metricsFactory)
        verdicts = VerdictStore(client: postgres)
        engines = TrustEngines(store: TrustConfigurationStore(client: postgres), metrics: metrics, logger: logger)
        var producerLogger = logger
        producerLogger[metadataKey: "kafka.client"] = "producer"
        producer = try KafkaProducer(configuration: configuration.producer, logger: producerLogger)
    }

    public func run() async throws {
        do {
            if try await waitForConfiguration() { try await consumeUntilShutdown() }
        } catch {
            await producer.close()
            throw error
        }
        // Flushes anything still queued (nothing is: every batch waits for its acknowledgements).
        await producer.close()
    }

    private func consumeUntilShutdown() async throws {
        var consumerLogger = logger
        consumerLogger[metadataKey: "kafka.client"] = "consumer"
        let consumer = try KafkaConsumer(configuration: configuration.consumer, logger: consumerLogger)
        try consumer.subscribe(topics: [ParapetTopic.posts.name])
        logger.info("consuming", metadata: ["topic": "\(ParapetTopic.posts.name)", "group": "\(ClassifierConfiguration.consumerGroup)"])
        do {
            try await consume(consumer)
        } catch {
            // Leave the group at once so another copy takes over; what was not finished is redone.
            await consumer.close()
            throw error
        }
        // The finished batches' offsets are committed as the consumer leaves the group.
        await consumer.close()
        logger.info("stopped consuming")
    }

    /// Builds the engines, waiting while no trust has been applied; false if a shutdown came first.
    private func waitForConfiguration() async throws -> Bool {
        await ConfigurationWait.untilLoaded(logger: logger, pause: min(configuration.reloadInterval, .seconds(2))) {
            try await engines.refreshIfChanged()
            return await !engines.engines.isEmpty
        }
    }

    /// The loop, until a graceful shutdown (then it finishes the batches it holds): a batch
    /// polled and classified is handed to a store task, up to ``maximumStoresInFlight`` at once
    /// on their own connections, and the next one is polled and classified meanwhile; stored
    /// batches are published one after another, in the order they were polled, the oldest
    /// while the newer ones are still stored or classified. So PostgreSQL, Kafka and the engine
    /// all have work at once.
    private func consume(_ consumer: KafkaConsumer) async throws {
        var storing: [Task<StoredBatch, any Error>] = []
        var publishing: Task<Void, any Error>?
        var lastReload = ContinuousClock.now
        defer {
            for task in storing { task.cancel() }
            publishing?.cancel()
        }
        while true {
            let stopping = Task.isShuttingDownGracefully
            if ContinuousClock.now - lastReload >= configuration.reloadInterval {
                lastReload = .now
                do {
                    try await engines.refreshIfChanged()
                } catch {
                    logger.warning("cannot check the trust configuration for changes", metadata: ["error": "\(error)"])
                }
            }
            if !stopping, storing.count < Self.maximumStoresInFlight {
                if let batch = try await next(consumer) {
                    storing.append(Task { try await store(batch) })
                    continue
                }
                // Nothing came: publish what is stored rather than wait for a full pipeline.
                if storing.isEmpty { continue }
            }
            guard !storing.isEmpty else {
                if stopping { break }
                continue
            }
            let stored = try await storing.removeFirst().value
            try await publishing?.value
            publishing = Task { try await publish(stored, consumer: consumer) }
        }
        try await publishing?.value
        publishing = nil
    }

    /// How many batches may be in PostgreSQL at once, each in its own transaction: two, so the
    /// database can use a second core while the engine waits for the first.
    static let maximumStoresInFlight = 2

    /// Polls a batch and classifies it; nil when nothing came within the poll timeout.
    private func next(_ consumer: KafkaConsumer) async throws -> ClassifiedBatch? {
        let messages = try await consumer.poll(maxMessages: configuration.batchSize, timeout: configuration.pollTimeout)
        guard !messages.isEmpty else { return nil }
        return await ClassifiedBatch.classify(messages, engines: engines, polledAt: .now)
    }

    // MARK: Store

    /// A batch with what PostgreSQL made of each verdict: ready to publish.
    struct StoredBatch: Sendable {
        var batch: ClassifiedBatch
        /// Per item: its outcome when it was stored (nil for dead letters).
        var outcomes: [VerdictOutcome?]
        /// Dead letters found while storing (data PostgreSQL refused), by item index.
        var refused: [Int: DeadLetter]
        /// How long storing took.
        var storing: Duration
    }

    /// Records the batch's verdicts and markers in one transaction, retrying while PostgreSQL
    /// is unreachable. If PostgreSQL refuses the batch's data, entries are recorded one by one
    /// and the ones it refuses become dead letters.
    private func store(_ batch: ClassifiedBatch) async throws -> StoredBatch {
        var indices: [Int] = []
        var entries: [VerdictEntry] = []
        for (index, item) in batch.items.enumerated() {
            switch item {
            case .verdict(let messageID, let trust, let verdict, let breachesJSON, _):
                entries.append(try VerdictEntry(messageID: messageID, trust: trust, verdict: verdict, breachesJSON: breachesJSON))
                indices.append(index)
            case .removed(let messageID, let trust):
                entries.append(try VerdictEntry(messageID: messageID, trust: trust, verdict: nil))
                indices.append(index)
            case .deadLetter:
                continue
            }
        }
        let started = ContinuousClock.now
        var outcomes = [VerdictOutcome?](repeating: nil, count: batch.items.count)
        var refused: [Int: DeadLetter] = [:]
        do {
            for (index, outcome) in zip(
                indices, try await retrying("store verdicts", { try await verdicts.record(entries, consumer: ClassifierConfiguration.consumerGroup) })
            ) {
                outcomes[index] = outcome
            }
        } catch let error as PostgresError where Retrying.isDataError(error) {
            logger.warning("PostgreSQL refused a batch's data; recording its messages one by one", metadata: ["error": "\(error)"])
            for (index, entry) in zip(indices, entries) {
                do {
                    outcomes[index] = try await retrying("store a verdict") {
                        try await verdicts.record([entry], consumer: ClassifierConfiguration.consumerGroup)
                    }[0]
                } catch let error as PostgresError where Retrying.isDataError(error) {
                    refused[index] = DeadLetter(message: batch.messages[index], reason: .unstorable, error: error.description)
                }
            }
        }
        return StoredBatch(batch: batch, outcomes: outcomes, refused: refused, storing: .now - started)
    }

    // MARK: Publish

    /// Publishes the batch's verdicts (new ones, and stored ones again for duplicates) and dead
    /// letters, waits for every acknowledgement, and only then stores the batch's offsets.
    private func publish(_ stored: StoredBatch, consumer: KafkaConsumer) async throws {
        let batch = stored.batch
        var outgoing: [KafkaOutgoingMessage] = []
        outgoing.reserveCapacity(batch.items.count)
        var published = Set<UUID>()
        var verdictMessages = EventMessages<Verdict>()
        var summary = BatchSummary(messages: batch.items.count)
        for (index, item) in batch.items.enumerated() {
            if let letter = stored.refused[index] {
                outgoing.append(deadLetter(letter, &summary))
                continue
            }
            switch item {
            case .deadLetter(let letter):
                outgoing.append(deadLetter(letter, &summary))
            case .removed:
                summary.removed += 1
            case .verdict(_, let trust, let verdict, let breachesJSON, let replay):
                switch stored.outcomes[index] {
                case .new?:
                    summary.classified += 1
                    summary.verdictsBySeverity[verdict.severity?.rawValue ?? "benign", default: 0] += 1
                    published.insert(verdict.id)
                    outgoing.append(
                        Self.message(
                            verdict, trust: trust, breachesJSON: breachesJSON, decidedAtText: batch.decidedAtText, replay: replay,
                            messages: &verdictMessages))
                case .duplicate(let original)?:
                    summary.duplicates += 1
                    // Once per batch: a message delivered twice in one batch is published once.
                    guard published.insert(original.id).inserted else { continue }
                    outgoing.append(
                        Self.message(
                            original, trust: trust, breachesJSON: VerdictJSONWriter.breaches(original.breaches),
                            decidedAtText: ParapetJSON.string(from: original.decidedAt), replay: replay,
                            messages: &verdictMessages))
                case .noVerdict?, nil:
                    continue
                }
            }
        }
        let messages = outgoing
        let publishing = ContinuousClock.now
        _ = try await retrying("publish verdicts") { try await producer.send(messages) }
        // Every verdict and dead letter of the batch is acknowledged: the batch is done.
        do {
            try consumer.markProcessed(all: batch.messages)
        } catch {
            // A partition taken away by a rebalance: its new owner redoes these messages and
            // finds their verdicts stored.
            logger.info("offsets not stored for partitions no longer assigned", metadata: ["error": "\(error)"])
        }
        metrics.record(summary, duration: .now - batch.polledAt)
        logger.debug(
            "batch done",
            metadata: [
                "messages": "\(summary.messages)", "classified": "\(summary.classified)", "duplicates": "\(summary.duplicates)",
                "removed": "\(summary.removed)", "dead_letters": "\(summary.deadLetters.values.reduce(0, +))",
                "classify_ms": "\(Self.milliseconds(batch.classifying))", "store_ms": "\(Self.milliseconds(stored.storing))",
                "publish_ms": "\(Self.milliseconds(.now - publishing))", "total_ms": "\(Self.milliseconds(.now - batch.polledAt))",
            ])
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration / .milliseconds(1))
    }

    private func deadLetter(_ letter: DeadLetter, _ summary: inout BatchSummary) -> KafkaOutgoingMessage {
        summary.deadLetters[letter.reason, default: 0] += 1
        // The error names ids and fields, never a post's text or a pupil's name.
        logger.warning(
            "message dead-lettered",
            metadata: [
                "reason": "\(letter.reason.rawValue)", "error": "\(letter.error)",
                "origin": "\(letter.message.topic)[\(letter.message.partition)]@\(letter.message.offset)",
            ])
        return letter.outgoing(consumer: ClassifierConfiguration.consumerGroup)
    }

    /// A verdict's message: its envelope (the verdict's id as the envelope id, so escalation
    /// drops repeats by it), keyed by school and author, with the standard headers.
    static func message(
        _ verdict: Verdict, trust: String, breachesJSON: [UInt8], decidedAtText: String, replay: Bool,
        messages: inout EventMessages<Verdict>
    ) -> KafkaOutgoingMessage {
        let value = VerdictJSONWriter.envelope(verdict, trust: trust, breachesJSON: breachesJSON, decidedAtText: decidedAtText)
        assert(
            Data(value) == (try? ParapetJSON.encode(Envelope(id: verdict.id, trust: trust, payload: verdict))),
            "VerdictJSONWriter differs from ParapetJSON")
        return messages.message(key: verdict.partitionKey, value: value, replay: replay)
    }

    private func retrying<Value>(_ what: String, _ body: () async throws -> Value) async throws -> Value {
        try await Retrying.untilDone(what, logger: logger, body)
    }
}
