import Crypto
import Foundation
import Logging
import ParapetKafka
import ParapetModels
import ParapetPostgres
import TestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A running `ingest` binary against real PostgreSQL and Tansu, with the example trust loaded.
struct IngestHarness: Sendable {
    static let metaSecret = "meta-app-secret-for-tests"
    static let metaVerifyToken = "meta-verify-token-for-tests"
    static let xSecret = "x-consumer-secret-for-tests"
    /// Bearer tokens of two connectors: one for Stokes Wood's forum, one for Levens CE's.
    static let stokesWoodToken = "sw-forum-connector-token-1234567890"
    static let levensToken = "lc-forum-connector-token-0987654321"
    /// The Facebook page of Stokes Wood Primary School in the example trust.
    static let stokesWoodPage = "100054751860502"
    static let maxBodyBytes = 65_536

    let infrastructure: LocalInfrastructure
    let port: Int
    let environment: [String: String]

    static func executable(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appending(path: name).path
    }

    /// Starts servers, loads the example trust, creates topics; `ingest` is started separately.
    static func prepare() async throws -> IngestHarness {
        let infrastructure = try await LocalInfrastructure.start([.postgres, .kafka])
        let connectors = infrastructure.directory.appending(path: "connectors.yaml")
        try """
        connectors:
          - id: stokes-wood-forum
            token_sha256: \(sha256Hex(stokesWoodToken))
            accounts: [sw-forum]
          - id: levens-forum
            token_sha256: \(sha256Hex(levensToken))
            accounts: [lc-forum]
        """.write(to: connectors, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment.merging(infrastructure.environment) { $1 }
        let port = try FreePort.next()
        environment.merge([
            "PARAPET_HTTP_HOST": "127.0.0.1", "PARAPET_HTTP_PORT": "\(port)", "PARAPET_LOG_LEVEL": "warning",
            "PARAPET_META_APP_SECRET": metaSecret, "PARAPET_META_VERIFY_TOKEN": metaVerifyToken, "PARAPET_X_CONSUMER_SECRET": xSecret,
            "PARAPET_CONNECTORS_FILE": connectors.path, "PARAPET_INGEST_MAX_BODY_BYTES": "\(maxBodyBytes)",
            "PARAPET_TOPIC_PARTITIONS": "3",
        ]) { $1 }
        let root = LocalInfrastructure.repositoryRoot.path
        for command in [["config", "apply", "\(root)/Examples/oakfield-learning-trust"], ["topics", "create"]] {
            let process = try ChildProcess.start([executable("parapet")] + command, environment: environment)
            let (status, output) = await process.wait()
            guard status == 0 else { throw ChildProcess.Failed(command: command, status: status, output: output) }
        }
        return IngestHarness(infrastructure: infrastructure, port: port, environment: environment)
    }

    /// Starts `ingest` and waits until it is ready.
    func startIngest() async throws -> RunningProcess {
        let process = try ChildProcess.start([Self.executable("ingest")], environment: environment)
        for _ in 0..<300 {
            if let (status, _) = try? await HTTPProbe.get("http://127.0.0.1:\(port)/ready"), status == 200 { return process }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.send(SIGKILL)
        let (_, output) = await process.wait()
        throw ChildProcess.Failed(command: ["ingest"], status: -1, output: "not ready: \(output)")
    }

    func stop() {
        infrastructure.stop()
    }

    // MARK: Requests

    func post(_ path: String, body: [UInt8], headers: [String: String]) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.timeoutInterval = 30
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    func get(_ pathAndQuery: String) async throws -> (status: Int, body: String) {
        try await HTTPProbe.get("http://127.0.0.1:\(port)\(pathAndQuery)")
    }

    /// A Meta delivery signed with the app secret (or `secret`).
    func postMeta(_ body: String, secret: String? = IngestHarness.metaSecret) async throws -> (status: Int, body: String) {
        var headers = ["Content-Type": "application/json"]
        if let secret { headers["X-Hub-Signature-256"] = "sha256=" + Self.hmacHex(Array(body.utf8), key: secret) }
        return try await post("/webhooks/meta", body: Array(body.utf8), headers: headers)
    }

    // MARK: What was stored and published

    func database() throws -> PostgresClient {
        var logger = Logger(label: "ingest-test")
        logger.logLevel = .error
        return PostgresClient(configuration: try PostgresConfiguration(url: infrastructure.databaseURL), logger: logger)
    }

    /// Distinct posts and their revisions in PostgreSQL.
    func storedCounts() async throws -> (posts: Int, revisions: Int) {
        let client = try database()
        defer { Task { await client.shutdown() } }
        let rows = try await client.query("SELECT count(DISTINCT id)::int8 AS posts, count(*)::int8 AS revisions FROM posts")
        let row = rows[0]
        return (try row.decode(Int.self, column: "posts"), try row.decode(Int.self, column: "revisions"))
    }

    /// How many messages parapet.posts holds, from its partitions' end offsets: no waiting, so a
    /// "nothing was published" check cannot pass just by being early.
    func publishedCount() async throws -> Int64 {
        var logger = Logger(label: "ingest-test")
        logger.logLevel = .critical
        let admin = try KafkaAdmin(configuration: KafkaConfiguration(brokers: infrastructure.kafkaBrokers), logger: logger)
        return try await admin.lag(group: "nobody", topics: [ParapetTopic.posts.name]).reduce(0) { $0 + $1.highWatermark }
    }

    /// Every message on parapet.posts, read by a fresh group until `expected` arrived or the
    /// topic stays quiet for `quiet` after a message.
    func publishedPosts(expected: Int, quiet: Duration = .seconds(4)) async throws -> [KafkaMessage] {
        var logger = Logger(label: "ingest-test")
        logger.logLevel = .critical
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                KafkaConfiguration(brokers: infrastructure.kafkaBrokers), groupID: "check-\(UUID().uuidString.prefix(8))",
                sessionTimeout: .seconds(6)),
            logger: logger)
        try consumer.subscribe(topics: [ParapetTopic.posts.name])
        var messages: [KafkaMessage] = []
        var lastArrival = ContinuousClock.now
        let deadline = ContinuousClock.now.advanced(by: .seconds(120))
        while ContinuousClock.now < deadline {
            let batch = try await consumer.poll(maxMessages: 2000, timeout: .milliseconds(250))
            if !batch.isEmpty { lastArrival = .now }
            messages += batch
            if messages.count >= expected && expected > 0 { break }
            // Quiet counts from the first message on, never before it: the group join and the
            // first fetch took more than 4 s on a loaded machine, and an early end read nothing.
            if !messages.isEmpty && ContinuousClock.now - lastArrival > quiet { break }
        }
        await consumer.close()
        return messages
    }

    // MARK: Signing

    static func hmacHex(_ body: [UInt8], key: String) -> String {
        HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(key.utf8))).map { String(format: "%02x", $0) }.joined()
    }

    static func hmacBase64(_ body: [UInt8], key: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(key.utf8)))).base64EncodedString()
    }

    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A Meta page-feed delivery of one comment, as Meta's documentation shows it.
    static func metaComment(
        page: String = stokesWoodPage, postID: String = "4431", commentID: String, message: String, verb: String = "add"
    ) -> String {
        let escaped = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return """
            {"object":"page","entry":[{"id":"\(page)","time":1790000000,"changes":[{"field":"feed","value":{\
            "from":{"id":"7346512298","name":"Sam Parent"},"post_id":"\(page)_\(postID)","comment_id":"\(page)_\(postID)_\(commentID)",\
            "created_time":1790000000,"item":"comment","parent_id":"\(page)_\(postID)","verb":"\(verb)","message":"\(escaped)"}}]}]}
            """
    }
}
