import Crypto
import Foundation
import Logging
import ParapetKafka
import ParapetModels
import ParapetPostgres
import TestSupport

/// A running `classifier` binary against real PostgreSQL and Tansu, with the example trust
/// applied and Parapet's topics created.
struct ClassifierHarness: Sendable {
    static let trust = "oakfield-learning-trust"
    static let exampleTrust = LocalInfrastructure.repositoryRoot.appending(path: "Examples/oakfield-learning-trust")
    /// The Stokes Wood parents' Facebook group in the example trust.
    static let parentsGroup = (school: "stokes-wood", account: "sw-parents-facebook-group")
    /// Room for a 5 MB post: librdkafka's own limit is 1 MB.
    static let largeMessages = ["message.max.bytes": String(16 << 20)]

    let infrastructure: LocalInfrastructure
    let port: Int
    let environment: [String: String]

    static func executable(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appending(path: name).path
    }

    /// Starts servers, applies `trustFolder` (the example trust by default) and creates the
    /// topics; the classifier is started separately, with `settings` on top.
    static func prepare(trustFolder: URL = exampleTrust, settings: [String: String] = [:]) async throws -> ClassifierHarness {
        let infrastructure = try await LocalInfrastructure.start([.postgres, .kafka])
        var environment = ProcessInfo.processInfo.environment.merging(infrastructure.environment) { $1 }
        let port = try FreePort.next()
        environment.merge([
            "PARAPET_HTTP_HOST": "127.0.0.1", "PARAPET_HTTP_PORT": "\(port)", "PARAPET_LOG_LEVEL": "warning",
            "PARAPET_TOPIC_PARTITIONS": "3", "PARAPET_KAFKA_SESSION_TIMEOUT": "6s",
        ]) { $1 }
        environment.merge(settings) { $1 }
        let harness = ClassifierHarness(infrastructure: infrastructure, port: port, environment: environment)
        do {
            try await harness.parapet(["config", "apply", trustFolder.path])
            try await harness.parapet(["topics", "create"])
        } catch {
            infrastructure.stop()
            throw error
        }
        return harness
    }

    /// Runs the operator CLI against this harness's servers.
    func parapet(_ arguments: [String]) async throws {
        let process = try ChildProcess.start([Self.executable("parapet")] + arguments, environment: environment)
        let (status, output) = await process.wait()
        guard status == 0 else { throw ChildProcess.Failed(command: arguments, status: status, output: output) }
    }

    /// Starts `classifier` and waits until it answers `/ready`.
    func startClassifier() async throws -> RunningProcess {
        let process = try ChildProcess.start([Self.executable("classifier")], environment: environment)
        for _ in 0..<300 {
            if let (status, _) = try? await HTTPProbe.get("http://127.0.0.1:\(port)/ready"), status == 200 { return process }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.send(SIGKILL)
        let (_, output) = await process.wait()
        throw ChildProcess.Failed(command: ["classifier"], status: -1, output: "not ready: \(output)")
    }

    /// Stops the classifier with SIGTERM and returns its exit status and output.
    func stop(_ process: RunningProcess) async -> (status: Int32, output: String) {
        process.send(SIGTERM)
        return await process.wait()
    }

    func stop() {
        infrastructure.stop()
    }

    // MARK: Posts in

    /// A post on the Stokes Wood parents' group by a parent, with an id derived from `key`.
    static func post(
        _ key: String, text: String, school: String = parentsGroup.school, account: String = parentsGroup.account,
        handle: String = "sam.parent", revision: Int = 1, removed: Bool = false
    ) -> Post {
        let created = Date(timeIntervalSince1970: 1_790_000_000)
        var post = Post(
            id: uuid("post:\(key)"), trust: trust, school: school, account: account, platform: .facebook, externalID: "ext-\(key)",
            author: PostAuthor(handle: handle, displayName: "Sam Parent", kind: .parent), text: text, createdAt: created,
            receivedAt: created.addingTimeInterval(2), revision: revision,
            editedAt: revision > 1 ? created.addingTimeInterval(Double(60 * revision)) : nil)
        if removed { post.removedAt = created.addingTimeInterval(3600) }
        return post
    }

    /// The envelope id ingest gives a post (one per revision and removal state).
    static func messageID(_ post: Post) -> UUID {
        uuid("parapet.post:\(post.id.uuidString.lowercased()):\(post.revision):\(post.isRemoved ? "removed" : "live")")
    }

    /// A post's message as ingest publishes it: the envelope, keyed by account, with the
    /// standard headers.
    static func message(_ post: Post, replay: Bool = false) throws -> KafkaOutgoingMessage {
        let envelope = Envelope(id: messageID(post), trust: post.trust, payload: post)
        var headers = [KafkaHeader(name: "schema", value: "parapet.post/1")]
        if replay { headers.append(KafkaHeader(name: "replay", value: "true")) }
        return KafkaOutgoingMessage(
            topic: ParapetTopic.posts.name, key: post.account, value: Array(try ParapetJSON.encode(envelope)), headers: headers)
    }

    static func uuid(_ name: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// Publishes posts to `parapet.posts` and waits for the broker's acknowledgements.
    func publish(_ posts: [Post], replay: Bool = false) async throws {
        try await send(try posts.map { try Self.message($0, replay: replay) })
    }

    /// Sends messages as they are and waits for the broker's acknowledgements.
    func send(_ messages: [KafkaOutgoingMessage]) async throws {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                KafkaConfiguration(brokers: infrastructure.kafkaBrokers, properties: Self.largeMessages)),
            logger: Self.quietLogger)
        try await producer.send(messages)
        await producer.close()
    }

    // MARK: What came out

    static var quietLogger: Logger {
        var logger = Logger(label: "classifier-test")
        logger.logLevel = .critical
        return logger
    }

    func database() throws -> PostgresClient {
        PostgresClient(configuration: try PostgresConfiguration(url: infrastructure.databaseURL), logger: Self.quietLogger)
    }

    /// One stored verdict, as the tests look at it.
    struct StoredVerdict: Sendable, Hashable {
        var id: UUID
        var postID: UUID
        var revision: Int
        var severity: String?
        var breaches: Int
    }

    /// Every row of `verdicts`.
    func storedVerdicts() async throws -> [StoredVerdict] {
        let client = try database()
        defer { Task { await client.shutdown() } }
        return try await client.query(
            "SELECT id, post_id, post_revision, severity, jsonb_array_length(breaches) AS breaches FROM verdicts ORDER BY post_id, post_revision"
        ).map { row in
            StoredVerdict(
                id: try row.decode(UUID.self, column: "id"), postID: try row.decode(UUID.self, column: "post_id"),
                revision: try row.decode(Int.self, column: "post_revision"), severity: try row.decode(String?.self, column: "severity"),
                breaches: try row.decode(Int.self, column: "breaches"))
        }
    }

    /// How many `processed_messages` markers the classifier wrote.
    func markers() async throws -> Int {
        let client = try database()
        defer { Task { await client.shutdown() } }
        return try await client.query("SELECT count(*) FROM processed_messages WHERE consumer = 'parapet-classifier'")[0].decode(Int.self)
    }

    /// Waits until `verdicts` holds at least `count` rows (or `timeout` passes); returns the count.
    @discardableResult
    func waitForVerdicts(_ count: Int, timeout: Duration = .seconds(120)) async throws -> Int {
        let client = try database()
        defer { Task { await client.shutdown() } }
        let deadline = ContinuousClock.now + timeout
        var stored = 0
        while ContinuousClock.now < deadline {
            stored = try await client.query("SELECT count(*) FROM verdicts")[0].decode(Int.self)
            if stored >= count { return stored }
            try await Task.sleep(for: .milliseconds(100))
        }
        return stored
    }

    /// Every message on `topic`, read by a fresh group until `expected` arrived (when given) or
    /// the topic stays quiet for `quiet`.
    func messages(on topic: ParapetTopic, expected: Int? = nil, quiet: Duration = .seconds(4)) async throws -> [KafkaMessage] {
        try await TopicReader.messages(on: topic.name, brokers: infrastructure.kafkaBrokers, expected: expected, quiet: quiet)
    }

    /// The verdicts on `parapet.verdicts`, decoded.
    func publishedVerdicts(expected: Int? = nil, quiet: Duration = .seconds(4)) async throws -> [(message: KafkaMessage, envelope: Envelope<Verdict>)]
    {
        try await messages(on: .verdicts, expected: expected, quiet: quiet).map { message in
            (message, try ParapetJSON.decode(Envelope<Verdict>.self, from: Data(message.value)))
        }
    }

    /// A metric's value from `/metrics` (summing every series whose line starts with `prefix`).
    func metric(_ prefix: String) async throws -> Double {
        let (_, body) = try await HTTPProbe.get("http://127.0.0.1:\(port)/metrics")
        return body.split(separator: "\n").filter { $0.hasPrefix(prefix) }.compactMap { Double($0.split(separator: " ").last ?? "") }.reduce(0, +)
    }
}
