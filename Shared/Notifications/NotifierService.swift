import CoreMetrics
import Foundation
import Logging
import ParapetKafka
import ParapetMail
import ParapetModels
import ParapetPipeline
import ParapetPostgres
import ParapetRuntime
import ParapetSMTP
import ParapetStore

/// The notifier: consumes `parapet.notifications`, writes each email from the templates and sends
/// it once per notification and recipient (docs/architecture.md, "Notifications").
///
/// A batch at a time, split into lanes by case (one case's emails keep their order in one lane,
/// each lane on its own SMTP connection). An immediate notification is sent to each recipient
/// through the ``DeliveryLedger``; a digest one is kept in `digest_entries` for the day's
/// digest, which the sweep gathers and sends at the configured local time. Offsets are stored
/// only once every email of the batch was sent, refused (and dead-lettered) or kept. Between
/// polls it emails the sign-in links leaders asked for (``SignInMailer``).
public struct NotifierService: Service {
    private let configuration: NotifierConfiguration
    private let postgres: PostgresClient
    private let ledger: DeliveryLedger
    private let digests: DigestStore
    private let directory: TrustDirectory
    private let producer: KafkaProducer
    private let metrics: NotifierMetrics
    private let logger: Logger

    public init(
        configuration: NotifierConfiguration, postgres: PostgresClient, logger: Logger, metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) throws {
        self.configuration = configuration
        self.postgres = postgres
        self.logger = logger
        ledger = DeliveryLedger(client: postgres)
        digests = DigestStore(client: postgres)
        directory = TrustDirectory(store: TrustConfigurationStore(client: postgres), logger: logger)
        metrics = NotifierMetrics(factory: metricsFactory)
        var producerLogger = logger
        producerLogger[metadataKey: "kafka.client"] = "producer"
        producer = try KafkaProducer(configuration: configuration.producer, logger: producerLogger)
    }

    public func run() async throws {
        do {
            let templates = try await EmailTemplates.bundled()
            guard let sender = MailAddress(configuration.smtp.sender, name: "Parapet") else {
                throw NotifierError.badSender(configuration.smtp.sender)
            }
            let couriers = try (0..<configuration.lanes).map { _ in
                Courier(
                    smtp: try SMTPClient(configuration: configuration.smtp), ledger: ledger, sender: sender, backoff: configuration.backoff,
                    metrics: metrics, logger: logger, now: configuration.now)
            }
            let work = Dispatcher(
                configuration: configuration, composer: EmailComposer(templates: templates), couriers: couriers,
                facts: CaseFactsReader(client: postgres), digests: digests, metrics: metrics, logger: logger)
            let signIns = SignInMailer(
                store: SignInStore(client: postgres), composer: work.composer, courier: couriers[0], publicURL: configuration.publicURL,
                validFor: configuration.signInLinkLifetime, now: configuration.now, logger: logger)
            if try await waitForConfiguration() { try await consumeUntilShutdown(work, signIns) }
        } catch {
            await producer.close()
            throw error
        }
        await producer.close()
    }

    private func waitForConfiguration() async throws -> Bool {
        await ConfigurationWait.untilLoaded(logger: logger) {
            try await directory.refreshIfChanged()
            return await !directory.trusts.isEmpty
        }
    }

    private func consumeUntilShutdown(_ work: Dispatcher, _ signIns: SignInMailer) async throws {
        var consumerLogger = logger
        consumerLogger[metadataKey: "kafka.client"] = "consumer"
        let consumer = try KafkaConsumer(configuration: configuration.consumer, logger: consumerLogger)
        try consumer.subscribe(topics: [ParapetTopic.notifications.name])
        logger.info(
            "consuming", metadata: ["topic": "\(ParapetTopic.notifications.name)", "group": "\(NotifierConfiguration.consumerGroup)"])
        do {
            try await consume(consumer, work, signIns)
        } catch is CancellationError {
            // A shutdown while the mail server was down: what was not sent is sent next run.
            logger.info("stopped while emails were waiting for the mail server; they go at the next start")
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
        logger.info("stopped consuming")
    }

    private func consume(_ consumer: KafkaConsumer, _ work: Dispatcher, _ signIns: SignInMailer) async throws {
        var lastReload = ContinuousClock.now
        var lastSweep: ContinuousClock.Instant?
        var lastSignInCheck: ContinuousClock.Instant?
        while !Task.isShuttingDownGracefully {
            if ContinuousClock.now - lastReload >= configuration.reloadInterval {
                lastReload = .now
                do {
                    try await directory.refreshIfChanged()
                } catch {
                    logger.warning("cannot check the trust configuration for changes", metadata: ["error": "\(error)"])
                }
            }
            let trusts = await directory.trusts
            if lastSweep.map({ ContinuousClock.now - $0 >= configuration.sweepInterval }) ?? true {
                lastSweep = .now
                try await work.sendDueDigests(trusts)
            }
            if lastSignInCheck.map({ ContinuousClock.now - $0 >= configuration.signInInterval }) ?? true {
                lastSignInCheck = .now
                try await signIns.sendPending(trusts)
            }
            let messages = try await consumer.poll(maxMessages: configuration.batchSize, timeout: configuration.pollTimeout)
            guard !messages.isEmpty else { continue }
            let refused = try await work.handle(messages, trusts: trusts)
            if !refused.isEmpty {
                let now = configuration.now()
                try await Retrying.untilDone("publish dead letters", logger: logger) {
                    _ = try await producer.send(refused.map { $0.outgoing(consumer: NotifierConfiguration.consumerGroup, at: now) })
                }
            }
            do {
                try consumer.markProcessed(all: messages)
            } catch {
                logger.info("offsets not stored for partitions no longer assigned", metadata: ["error": "\(error)"])
            }
        }
    }
}

/// Why the notifier cannot start.
public enum NotifierError: Error, Sendable, CustomStringConvertible {
    case badSender(String)

    public var description: String {
        switch self {
        case .badSender(let address): "the sender \"\(address)\" (PARAPET_MAIL_FROM) is not an email address"
        }
    }
}
