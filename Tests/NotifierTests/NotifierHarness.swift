import Foundation
import Logging
import ParapetEscalation
import ParapetKafka
import ParapetModels
import ParapetNotifications
import ParapetPostgres
import ParapetSMTP
import ParapetStore
import ServiceLifecycle
import Synchronization
import TestSupport

/// Real PostgreSQL, Tansu and the SMTP sink with the example trust applied and Parapet's topics
/// created; escalation and the notifier run in this process on a clock the test moves.
final class NotifierHarness: Sendable {
    let infrastructure: LocalInfrastructure
    let environment: [String: String]
    let postgres: PostgresClient
    let clock = NotifierClock()

    static let sender = "parapet@parapet.example.org"
    static let publicURL = URL(string: "https://parapet.example.org")!

    static func executable(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appending(path: name).path
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "notifier-test")
        logger.logLevel = .critical
        return logger
    }

    private init(infrastructure: LocalInfrastructure, environment: [String: String]) throws {
        self.infrastructure = infrastructure
        self.environment = environment
        postgres = PostgresClient(configuration: try PostgresConfiguration(url: infrastructure.databaseURL), logger: Self.quietLogger)
    }

    static func prepare() async throws -> NotifierHarness {
        let infrastructure = try await LocalInfrastructure.start([.postgres, .kafka, .smtp])
        var environment = ProcessInfo.processInfo.environment.merging(infrastructure.environment) { $1 }
        environment.merge(["PARAPET_LOG_LEVEL": "warning", "PARAPET_TOPIC_PARTITIONS": "3", "PARAPET_KAFKA_SESSION_TIMEOUT": "6s"]) { $1 }
        do {
            let harness = try NotifierHarness(infrastructure: infrastructure, environment: environment)
            try await harness.parapet(["config", "apply", NotifierFixtures.folder.path])
            try await harness.parapet(["topics", "create"])
            return harness
        } catch {
            infrastructure.stop()
            throw error
        }
    }

    /// Runs `body` with prepared servers, stopped afterwards whether `body` throws or not.
    static func with<Value>(_ body: (NotifierHarness) async throws -> Value) async throws -> Value {
        let harness = try await prepare()
        do {
            let value = try await body(harness)
            await harness.stop()
            return value
        } catch {
            await harness.stop()
            throw error
        }
    }

    func stop() async {
        await postgres.shutdown()
        infrastructure.stop()
    }

    @discardableResult
    func parapet(_ arguments: [String]) async throws -> String {
        let process = try ChildProcess.start([Self.executable("parapet")] + arguments, environment: environment)
        let (status, output) = await process.wait()
        guard status == 0 else { throw ChildProcess.Failed(command: arguments, status: status, output: output) }
        return output
    }

    var maildir: String { infrastructure.environment["PARAPET_SMTP_MAILDIR"] ?? "" }

    // MARK: The services

    /// Runs escalation (alerts never held) and the notifier until `body` returns, then stops both gracefully.
    func withServices<Value: Sendable>(
        notifier: Bool = true, escalation: Bool = true, _ body: () async throws -> Value
    ) async throws -> Value {
        var services: [any Service] = []
        if escalation {
            let configuration = EscalationConfiguration(
                kafka: KafkaConfiguration(brokers: infrastructure.kafkaBrokers), sessionTimeout: .seconds(6), batchSize: 500,
                sweepInterval: .milliseconds(200), outboxGrace: .seconds(1),
                settings: EscalationSettings(groupWait: .zero, groupInterval: .zero), now: { [clock] in clock.now })
            services.append(try EscalationService(configuration: configuration, postgres: postgres, logger: Self.quietLogger))
        }
        if notifier { services.append(try NotifierService(configuration: notifierConfiguration, postgres: postgres, logger: Self.quietLogger)) }
        let group = ServiceGroup(services: services, logger: Self.quietLogger)
        let running = Task { try await group.run() }
        do {
            let value = try await body()
            await group.triggerGracefulShutdown()
            try await running.value
            return value
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            throw error
        }
    }

    var notifierConfiguration: NotifierConfiguration {
        NotifierConfiguration(
            kafka: KafkaConfiguration(brokers: infrastructure.kafkaBrokers), sessionTimeout: .seconds(6),
            smtp: SMTPConfiguration(url: URL(string: infrastructure.smtpURL)!, sender: Self.sender), publicURL: Self.publicURL,
            sweepInterval: .milliseconds(200), backoff: Backoff(first: .milliseconds(50), cap: .seconds(1)), now: { [clock] in clock.now })
    }

    /// Moves the notifier's consumer group back to the start of `parapet.notifications`, as an
    /// operator's replay does; the notifier must be stopped.
    func rewindNotifier(partitions: Int = 3) async throws {
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                KafkaConfiguration(brokers: infrastructure.kafkaBrokers), groupID: NotifierConfiguration.consumerGroup,
                sessionTimeout: .seconds(6)),
            logger: Self.quietLogger)
        try consumer.subscribe(topics: [ParapetTopic.notifications.name])
        let deadline = ContinuousClock.now + .seconds(60)
        while consumer.assignment.count < partitions && ContinuousClock.now < deadline {
            _ = try await consumer.poll(maxMessages: 1, timeout: .milliseconds(200))
        }
        try consumer.markProcessed(
            through: (0..<partitions).map { KafkaTopicPartition(topic: ParapetTopic.notifications.name, partition: Int32($0), offset: -1) })
        try await consumer.commit()
        await consumer.close()
    }

    // MARK: In and out

    /// Stores `post` and its verdict as ingest and the classifier would, then publishes the
    /// verdict for escalation.
    func post(_ post: Post, verdict: Verdict) async throws {
        _ = try await PostStore(client: postgres).record(post)
        _ = try await VerdictStore(client: postgres).record(
            [try VerdictEntry(messageID: verdict.id, trust: NotifierFixtures.trust, verdict: verdict)], consumer: "parapet-classifier")
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(KafkaConfiguration(brokers: infrastructure.kafkaBrokers)), logger: Self.quietLogger)
        _ = try await producer.send(
            KafkaOutgoingMessage(
                topic: ParapetTopic.verdicts.name, key: verdict.partitionKey,
                value: Array(try ParapetJSON.encode(Envelope(id: verdict.id, trust: NotifierFixtures.trust, payload: verdict))),
                headers: [KafkaHeader(name: "schema", value: "parapet.verdict/2")]))
        await producer.close()
    }

    /// The emails the sink has filed, oldest first, read by Python's `email` package.
    func delivered() async throws -> [MailCheck] {
        var checks: [MailCheck] = []
        for file in (try? MailCheck.delivered(in: maildir)) ?? [] { checks.append(try await MailCheck.read(file)) }
        return checks
    }

    /// How many emails the sink has filed.
    func deliveredCount() -> Int { ((try? MailCheck.delivered(in: maildir)) ?? []).count }

    /// Waits until the sink has at least `count` emails.
    func waitForEmails(_ count: Int, timeout: Duration = .seconds(90)) async throws {
        try await wait(for: "\(count) emails in the sink", timeout: timeout) { deliveredCount() >= count }
    }

    /// Waits until `condition` holds, checking every 100 ms.
    func wait(for what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Timeout(what: what)
    }

    struct Timeout: Error, CustomStringConvertible {
        var what: String
        var description: String { "timed out waiting for \(what)" }
    }

    /// The dead letters published so far.
    func deadLetters(expected: Int? = nil) async throws -> [KafkaMessage] {
        try await TopicReader.messages(
            on: ParapetTopic.deadLetters.name, brokers: infrastructure.kafkaBrokers, expected: expected, quiet: .seconds(3))
    }
}

/// A clock that stands still until a test moves it.
final class NotifierClock: Sendable {
    private let date = Mutex(NotifierFixtures.start)

    var now: Date { date.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        date.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
