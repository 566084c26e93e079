import CoreMetrics
import Foundation
import Logging
import ParapetKafka
import ParapetModels
import ParapetPipeline
import ParapetPostgres
import ParapetRuntime
import ParapetStore

/// The escalation service: consumes `parapet.verdicts`, opens and climbs cases, and asks the
/// notifier to tell the right people (docs/architecture.md, "Escalation ladder").
///
/// A batch at a time, effectively once: in one transaction a `processed_messages` marker per
/// verdict id (a verdict seen before changes nothing), the authors' open cases locked, each
/// verdict decided by the trust's ``Escalator`` in order, and its events, case rows and
/// notification requests written. After the commit the events go to `parapet.case-events` and
/// the notifications to `parapet.notifications`; once Kafka has acknowledged them they are
/// marked published, and only then are the batch's offsets stored. A crash between the commit
/// and the publish leaves rows unmarked, and the sweep publishes them again under the same ids.
///
/// The sweep, every ``EscalationConfiguration/sweepInterval``, also sends overdue cases (no one
/// acknowledged them in time) to the trust safeguarding lead, on the configuration's clock.
public struct EscalationService: Service {
    private let configuration: EscalationConfiguration
    private let cases: CaseStore
    private let escalators: TrustEscalators
    private let producer: KafkaProducer
    /// Publishes what escalation writes; the case API shares it, so a leader's action reaches
    /// `parapet.case-events` and the notifier at once rather than at the next sweep.
    public let publisher: CasePublisher
    private let metrics: EscalationMetrics
    private let logger: Logger

    public init(
        configuration: EscalationConfiguration, postgres: PostgresClient, logger: Logger,
        metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) throws {
        self.configuration = configuration
        self.logger = logger
        cases = CaseStore(client: postgres)
        escalators = TrustEscalators(store: TrustConfigurationStore(client: postgres), settings: configuration.settings, logger: logger)
        metrics = EscalationMetrics(factory: metricsFactory)
        var producerLogger = logger
        producerLogger[metadataKey: "kafka.client"] = "producer"
        producer = try KafkaProducer(configuration: configuration.producer, logger: producerLogger)
        publisher = CasePublisher(producer: producer, cases: cases, logger: logger)
    }

    /// The trust's escalator as last loaded; nil before the configuration is, or for an unknown trust.
    public func escalator(for trust: String) async -> Escalator? {
        await escalators.escalators[trust]
    }

    /// Every trust's escalator as last loaded.
    public func allEscalators() async -> [String: Escalator] {
        await escalators.escalators
    }

    /// The case API's desk over this service's store, rules, clock and publisher.
    public var desk: CaseDesk {
        let service = self
        return CaseDesk(
            cases: cases, publisher: publisher, now: configuration.now, escalator: { trust in await service.escalator(for: trust) })
    }

    public func run() async throws {
        do {
            if try await waitForConfiguration() { try await consumeUntilShutdown() }
        } catch {
            await producer.close()
            throw error
        }
        await producer.close()
    }

    private func consumeUntilShutdown() async throws {
        var consumerLogger = logger
        consumerLogger[metadataKey: "kafka.client"] = "consumer"
        let consumer = try KafkaConsumer(configuration: configuration.consumer, logger: consumerLogger)
        try consumer.subscribe(topics: [ParapetTopic.verdicts.name])
        logger.info("consuming", metadata: ["topic": "\(ParapetTopic.verdicts.name)", "group": "\(EscalationConfiguration.consumerGroup)"])
        do {
            try await consume(consumer)
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
        logger.info("stopped consuming")
    }

    private func waitForConfiguration() async throws -> Bool {
        await ConfigurationWait.untilLoaded(logger: logger) {
            try await escalators.refreshIfChanged()
            return await !escalators.escalators.isEmpty
        }
    }

    private func consume(_ consumer: KafkaConsumer) async throws {
        var lastReload = ContinuousClock.now
        // The first sweep at once: it publishes what a crash before this start left behind.
        var lastSweep: ContinuousClock.Instant?
        while !Task.isShuttingDownGracefully {
            if ContinuousClock.now - lastReload >= configuration.reloadInterval {
                lastReload = .now
                do {
                    try await escalators.refreshIfChanged()
                } catch {
                    logger.warning("cannot check the trust configuration for changes", metadata: ["error": "\(error)"])
                }
            }
            if lastSweep.map({ ContinuousClock.now - $0 >= configuration.sweepInterval }) ?? true {
                lastSweep = .now
                try await sweep()
            }
            let messages = try await consumer.poll(maxMessages: configuration.batchSize, timeout: configuration.pollTimeout)
            guard !messages.isEmpty else { continue }
            try await handle(messages, consumer: consumer)
        }
    }

    // MARK: Verdicts

    /// A polled message, read.
    private enum Item {
        case verdict(trust: String, Verdict)
        case deadLetter(DeadLetter)
    }

    private func handle(_ messages: [KafkaMessage], consumer: KafkaConsumer) async throws {
        let started = ContinuousClock.now
        let escalators = await self.escalators.escalators
        let now = ParapetJSON.wholeMilliseconds(configuration.now())
        var summary = EscalationMetrics.Batch(verdicts: messages.count)
        // A case is one author's in one school, so lanes split by that key never share a case:
        // each lane's transaction runs beside the others', and PostgreSQL works on one while
        // this process decides the next. Within a lane, verdicts keep their order.
        var lanes = Array(repeating: [Lane.Entry](), count: configuration.lanes)
        var deadLetters: [DeadLetter] = []
        for (index, message) in messages.enumerated() {
            switch Self.read(message) {
            case .verdict(let trust, let verdict):
                lanes[Lane.index(of: verdict.partitionKey, among: configuration.lanes)].append(
                    Lane.Entry(index: index, trust: trust, verdict: verdict))
            case .deadLetter(let letter):
                deadLetters.append(letter)
            }
        }
        let outcomes = try await withThrowingTaskGroup(of: Lane.Outcome.self) { group in
            for lane in lanes where !lane.isEmpty {
                group.addTask { try await self.record(lane, messages: messages, escalators: escalators, now: now) }
            }
            var outcomes: [Lane.Outcome] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        for outcome in outcomes {
            summary.record(outcome.changes)
            summary.duplicates += outcome.duplicates
            summary.benign += outcome.benign
            summary.deadLetters += outcome.deadLetters
        }
        if !deadLetters.isEmpty {
            try await publisher.publish([], written: CaseStore.Written(), deadLetters: deadLetters, now: now)
            summary.deadLetters += deadLetters.count
        }
        do {
            try consumer.markProcessed(all: messages)
        } catch {
            logger.info("offsets not stored for partitions no longer assigned", metadata: ["error": "\(error)"])
        }
        metrics.record(summary, duration: .now - started)
    }

    /// One lane of a batch: its verdicts' markers, cases and outbox rows in one transaction,
    /// then published.
    private func record(
        _ lane: [Lane.Entry], messages: [KafkaMessage], escalators: [String: Escalator], now: Date
    ) async throws -> Lane.Outcome {
        let written = try await Retrying.untilDone("record cases", logger: logger) {
            try await cases.withTransaction { transaction in
                let fresh = try await transaction.markProcessed(lane.map(\.verdict.id), consumer: EscalationConfiguration.consumerGroup)
                var outcome = Lane.Outcome()
                var breaches: [Lane.Entry] = []
                var seen = Set<UUID>()
                for entry in lane {
                    guard fresh.contains(entry.verdict.id), seen.insert(entry.verdict.id).inserted else {
                        outcome.duplicates += 1
                        continue
                    }
                    if entry.verdict.isBenign { outcome.benign += 1 } else { breaches.append(entry) }
                }
                var authors: [(school: String, author: AuthorKey)] = []
                var keys = Set<String>()
                for breach in breaches where keys.insert(breach.verdict.partitionKey).inserted {
                    authors.append((breach.verdict.school, breach.verdict.authorKey))
                }
                var open: [String: CaseStore.StoredCase] = [:]
                for stored in try await transaction.openCases(authors) {
                    open["\(stored.case.school)/\(stored.case.authorKey)"] = stored
                }
                for breach in breaches {
                    let (trust, verdict) = (breach.trust, breach.verdict)
                    let key = verdict.partitionKey
                    let current = open[key]
                    guard let escalator = escalators[trust] else {
                        outcome.refused.append(
                            DeadLetter(
                                message: messages[breach.index], reason: .unescalatable,
                                error: "no trust \"\(trust)\" in PostgreSQL's configuration"))
                        continue
                    }
                    let decision: Escalator.Decision?
                    do {
                        decision = try escalator.decide(
                            verdict, open: current?.case, lastSequence: current?.lastSequence ?? 0, alert: current?.alert, at: now)
                    } catch let error as EscalationError {
                        outcome.refused.append(DeadLetter(message: messages[breach.index], reason: .unescalatable, error: error.description))
                        continue
                    }
                    guard let decision else { continue }
                    let change = escalator.change(decision, trust: trust, previous: current?.alert)
                    outcome.changes.append(change)
                    open[key] = CaseStore.StoredCase(
                        trust: trust, case: decision.case, lastSequence: decision.events.last?.sequence ?? current?.lastSequence ?? 0,
                        alert: change.alert)
                }
                outcome.stored = try await transaction.write(outcome.changes)
                return outcome
            }
        }
        try await publisher.publish(written.changes, written: written.stored, deadLetters: written.refused, now: now)
        return written
    }

    /// Reads one message of `parapet.verdicts`; anything else is a dead letter.
    private static func read(_ message: KafkaMessage) -> Item {
        // The fast path for a well-formed verdict; anything else is read (and judged) the slow way.
        if let envelope = VerdictEnvelopeReader.read(message.value) { return .verdict(trust: envelope.trust, envelope.payload) }
        let event: IncomingEvent
        do {
            event = try IncomingEvent(json: Data(message.value))
        } catch {
            let reason: DeadLetter.Reason = if case .unknownSchema = error { .unknownSchema } else { .malformed }
            return .deadLetter(DeadLetter(message: message, reason: reason, error: error.description))
        }
        guard case .verdict(let envelope) = event else {
            return .deadLetter(
                DeadLetter(message: message, reason: .wrongTopic, error: "a \(event.schema) message on \(ParapetTopic.verdicts.name)"))
        }
        return .verdict(trust: envelope.trust, envelope.payload)
    }

    // MARK: Sweep

    /// Overdue cases to the trust, then whatever a crash left unpublished.
    private func sweep() async throws {
        let escalators = await self.escalators.escalators
        let now = ParapetJSON.wholeMilliseconds(configuration.now())
        let (changes, stored) = try await Retrying.untilDone("escalate overdue cases", logger: logger) {
            try await cases.withTransaction { transaction in
                var changes: [CaseStore.Change] = []
                for stored in try await transaction.dueCases(at: now, limit: 500) {
                    guard let escalator = escalators[stored.trust] else { continue }
                    if let decision = escalator.overdue(stored.case, lastSequence: stored.lastSequence, alert: stored.alert, at: now) {
                        changes.append(escalator.change(decision, trust: stored.trust, previous: stored.alert))
                    } else {
                        // A timer that has nothing to do any more (a reminder for a case told
                        // only in the digest, say): set the next one.
                        changes.append(
                            escalator.change(
                                Escalator.Decision(case: stored.case, events: [], notifications: []), trust: stored.trust,
                                previous: stored.alert))
                    }
                }
                return (changes, try await transaction.write(changes))
            }
        }
        if !changes.isEmpty {
            let timed = changes.filter { !$0.events.isEmpty || !$0.notifications.isEmpty }
            if !timed.isEmpty {
                logger.info("case timers ran out: sent up the chain or reminded", metadata: ["cases": "\(timed.count)"])
                metrics.overdue(timed.filter { !$0.events.isEmpty }.count)
            }
            try await publisher.publish(changes, written: stored, deadLetters: [], now: now)
        }
        // Held alerts come due in bursts (a busy hour's cases): keep going while pages are full.
        for _ in 0..<20 {
            let left = try await Retrying.untilDone("read the outbox", logger: logger) {
                try await cases.unpublished(olderThan: configuration.outboxGrace, limit: 1000, now: now)
            }
            guard !left.events.isEmpty || !left.notifications.isEmpty else { return }
            // Events are never held: an unpublished one is what a crash left behind, worth saying.
            let level: Logger.Level = left.events.isEmpty ? .debug : .info
            logger.log(
                level: level, "publishing held alerts and what an earlier run left unpublished",
                metadata: ["events": "\(left.events.count)", "notifications": "\(left.notifications.count)"])
            try await publisher.republish(events: left.events, notifications: left.notifications)
            if left.events.count < 1000 && left.notifications.count < 1000 { return }
        }
    }
}
