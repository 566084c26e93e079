import Foundation
import Logging
import ParapetEscalation
import ParapetKafka
import ParapetModels
import ParapetPostgres
import ParapetStore
import ServiceLifecycle
import Synchronization
import TestSupport

/// Real PostgreSQL and Tansu with the example trust applied and Parapet's topics created, and
/// an escalation service run in this process on a clock the test moves.
final class EscalationHarness: Sendable {
    let infrastructure: LocalInfrastructure
    let environment: [String: String]
    let postgres: PostgresClient
    private let clock = TestClock()

    static func executable(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appending(path: name).path
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "escalation-test")
        logger.logLevel = .critical
        return logger
    }

    private init(infrastructure: LocalInfrastructure, environment: [String: String]) throws {
        self.infrastructure = infrastructure
        self.environment = environment
        postgres = PostgresClient(configuration: try PostgresConfiguration(url: infrastructure.databaseURL), logger: Self.quietLogger)
    }

    static func prepare() async throws -> EscalationHarness {
        let infrastructure = try await LocalInfrastructure.start([.postgres, .kafka])
        var environment = ProcessInfo.processInfo.environment.merging(infrastructure.environment) { $1 }
        environment.merge(["PARAPET_LOG_LEVEL": "warning", "PARAPET_TOPIC_PARTITIONS": "3", "PARAPET_KAFKA_SESSION_TIMEOUT": "6s"]) { $1 }
        do {
            let harness = try EscalationHarness(infrastructure: infrastructure, environment: environment)
            try await harness.parapet(["config", "apply", EscalationFixtures.folder.path])
            try await harness.parapet(["topics", "create"])
            return harness
        } catch {
            infrastructure.stop()
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

    // MARK: The clock

    var now: Date { clock.now }

    func advance(by seconds: TimeInterval) { clock.advance(by: seconds) }

    // MARK: The service

    /// Runs an escalation service until `body` returns, then stops it gracefully.
    func withEscalation<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        try await withEscalationService { _ in try await body() }
    }

    /// Runs an escalation service until `body` returns, then stops it gracefully; `body` gets
    /// the service (for the case API's desk and rules).
    func withEscalationService<Value: Sendable>(_ body: (EscalationService) async throws -> Value) async throws -> Value {
        let configuration = EscalationConfiguration(
            kafka: KafkaConfiguration(brokers: infrastructure.kafkaBrokers), sessionTimeout: .seconds(6), batchSize: 500,
            sweepInterval: .milliseconds(200), outboxGrace: .seconds(1), now: { [clock] in clock.now })
        let service = try EscalationService(configuration: configuration, postgres: postgres, logger: Self.quietLogger)
        let group = ServiceGroup(services: [service], logger: Self.quietLogger)
        let running = Task { try await group.run() }
        do {
            let value = try await body(service)
            await group.triggerGracefulShutdown()
            try await running.value
            return value
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            throw error
        }
    }

    // MARK: The binary

    /// Starts the `escalation` binary against these servers (the wall clock, not the test's),
    /// with `settings` on top, and waits until it answers `/ready` on `port`.
    func startEscalation(port: Int, settings: [String: String] = [:]) async throws -> RunningProcess {
        var environment = environment.merging(["PARAPET_HTTP_HOST": "127.0.0.1", "PARAPET_HTTP_PORT": "\(port)"]) { $1 }
        environment.merge(settings) { $1 }
        let process = try ChildProcess.start([Self.executable("escalation")], environment: environment)
        for _ in 0..<300 {
            if let (status, _) = try? await HTTPProbe.get("http://127.0.0.1:\(port)/ready"), status == 200 { return process }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.send(SIGKILL)
        let (_, output) = await process.wait()
        throw ChildProcess.Failed(command: ["escalation"], status: -1, output: "not ready: \(output)")
    }

    /// How many verdicts escalation has marked processed.
    func processedCount() async throws -> Int {
        try await postgres.query("SELECT count(*) FROM processed_messages WHERE consumer = 'parapet-escalation'")[0].decode(Int.self)
    }

    /// Moves escalation's consumer group back to the start of `parapet.verdicts`, as an
    /// operator's replay does; the service must be stopped.
    func rewindEscalation(partitions: Int = 3) async throws {
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                KafkaConfiguration(brokers: infrastructure.kafkaBrokers), groupID: EscalationConfiguration.consumerGroup,
                sessionTimeout: .seconds(6)),
            logger: Self.quietLogger)
        try consumer.subscribe(topics: [ParapetTopic.verdicts.name])
        let deadline = ContinuousClock.now + .seconds(60)
        while consumer.assignment.count < partitions && ContinuousClock.now < deadline {
            _ = try await consumer.poll(maxMessages: 1, timeout: .milliseconds(200))
        }
        // Stored as "processed through -1": the committed offset, the next to read, is 0.
        try consumer.markProcessed(
            through: (0..<partitions).map { KafkaTopicPartition(topic: ParapetTopic.verdicts.name, partition: Int32($0), offset: -1) })
        try await consumer.commit()
        await consumer.close()
    }

    // MARK: In and out

    /// Publishes verdicts as the classifier does: the envelope id is the verdict id, keyed by
    /// school and author.
    func publish(_ verdicts: [Verdict]) async throws {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(KafkaConfiguration(brokers: infrastructure.kafkaBrokers)), logger: Self.quietLogger)
        let messages = try verdicts.map { verdict in
            KafkaOutgoingMessage(
                topic: ParapetTopic.verdicts.name, key: verdict.partitionKey,
                value: Array(try ParapetJSON.encode(Envelope(id: verdict.id, trust: EscalationFixtures.trust, payload: verdict))),
                headers: [KafkaHeader(name: "schema", value: "parapet.verdict/2")])
        }
        try await producer.send(messages)
        await producer.close()
    }

    /// Waits until escalation marked every one of `ids` processed.
    func waitForProcessed(_ ids: [UUID], timeout: Duration = .seconds(90)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let marked = try await postgres.query(
                """
                SELECT count(*) FROM processed_messages
                WHERE consumer = 'parapet-escalation' AND message_id = ANY(\(PostgresArray(ids)))
                """)[0].decode(Int.self)
            if marked == Set(ids).count { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Timeout(what: "escalation to process \(ids.count) verdicts")
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

    var store: CaseStore { CaseStore(client: postgres) }

    /// The payloads on `topic`, decoded, by envelope id.
    func published<Payload: EventPayload>(_: Payload.Type, expected: Int? = nil) async throws -> [Envelope<Payload>] {
        try await TopicReader.messages(on: Payload.topic.name, brokers: infrastructure.kafkaBrokers, expected: expected, quiet: .seconds(3))
            .map { try ParapetJSON.decode(Envelope<Payload>.self, from: Data($0.value)) }
    }
}

/// A clock that stands still until a test moves it.
final class TestClock: Sendable {
    private let date = Mutex(EscalationFixtures.start)

    var now: Date { date.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        date.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
