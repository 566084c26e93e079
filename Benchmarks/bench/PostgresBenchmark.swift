import Foundation
import ParapetPostgres

/// How fast the Swift client bulk-inserts with COPY, next to `psql \copy` loading the same rows.
struct PostgresBenchmarkResult: Sendable, CustomStringConvertible {
    /// Rows loaded by each side.
    var rows: Int
    /// The best time of the Swift client's `copy`, in seconds.
    var swiftSeconds: Double
    /// The best time of `psql -c "\copy ..."`, process start included, in seconds.
    var psqlSeconds: Double

    var swiftRowsPerSecond: Double { Double(rows) / swiftSeconds }
    var psqlRowsPerSecond: Double { Double(rows) / psqlSeconds }
    /// Swift's throughput as a fraction of psql's; the target is at least 0.8.
    var ratio: Double { swiftRowsPerSecond / psqlRowsPerSecond }

    var description: String {
        func rate(_ value: Double) -> String { "\(Int(value.rounded())) rows/s" }
        return "PostgreSQL COPY of \(rows) post rows: Swift client \(rate(swiftRowsPerSecond)) "
            + "(\(String(format: "%.3f", swiftSeconds)) s), psql \\copy \(rate(psqlRowsPerSecond)) "
            + "(\(String(format: "%.3f", psqlSeconds)) s), Swift/psql \(String(format: "%.0f", ratio * 100))%"
    }
}

/// Loads the same post-like rows into PostgreSQL twice per round: through
/// ``PostgresClient/copy(into:schema:columns:_:)`` from Swift values, and through
/// `psql \copy` from a file already in COPY text format, which is the floor a client can hope
/// to reach. Each round truncates the table first; the best of the rounds counts, and the two
/// loads must leave the same table contents.
enum PostgresBenchmark {
    struct BenchmarkFailed: Error, CustomStringConvertible {
        var description: String
    }

    private struct Meta: Codable, Sendable {
        var platform: String
        var likes: Int
        var isReply: Bool
    }

    private struct Post: Sendable {
        var id: UUID
        var accountID: String
        var text: String
        var postedAt: Date
        var meta: PostgresJSON<Meta>
    }

    private static let table = "bench_posts"
    private static let columns = ["id", "account_id", "text", "posted_at", "meta"]

    static func run(databaseURL: String, rows: Int, rounds: Int = 2) async throws -> PostgresBenchmarkResult {
        let posts = makePosts(rows)
        let file = FileManager.default.temporaryDirectory.appending(path: "parapet-bench-\(UUID().uuidString).copy")
        try copyText(posts).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let client = PostgresClient(configuration: try PostgresConfiguration(url: databaseURL, maximumConnections: 1))
        defer { Task { await client.shutdown() } }
        try await client.execute("DROP TABLE IF EXISTS \(identifier: table)")
        try await client.execute(
            """
            CREATE TABLE \(identifier: table) (
                id uuid PRIMARY KEY,
                account_id text NOT NULL,
                text text NOT NULL,
                posted_at timestamptz NOT NULL,
                meta jsonb NOT NULL
            )
            """)

        var swiftBest = Double.infinity
        var psqlBest = Double.infinity
        var swiftDigest = ""
        var psqlDigest = ""
        for _ in 0..<max(rounds, 1) {
            try await client.execute("TRUNCATE \(identifier: table)")
            let swiftStart = ContinuousClock.now
            let copied = try await client.copy(into: table, columns: columns) { writer in
                for post in posts {
                    try writer.append(post.id, post.accountID, post.text, post.postedAt, post.meta)
                }
            }
            swiftBest = min(swiftBest, seconds(since: swiftStart))
            guard copied == rows else { throw BenchmarkFailed(description: "Swift COPY loaded \(copied) of \(rows) rows") }
            swiftDigest = try await digest(client)

            try await client.execute("TRUNCATE \(identifier: table)")
            let psqlStart = ContinuousClock.now
            try runPsql(databaseURL: databaseURL, file: file)
            psqlBest = min(psqlBest, seconds(since: psqlStart))
            psqlDigest = try await digest(client)
        }
        guard swiftDigest == psqlDigest else {
            throw BenchmarkFailed(description: "the Swift and psql loads left different table contents")
        }
        try await client.execute("DROP TABLE \(identifier: table)")
        return PostgresBenchmarkResult(rows: rows, swiftSeconds: swiftBest, psqlSeconds: psqlBest)
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// A fingerprint of the table's contents, to check both loads wrote the same rows.
    private static func digest(_ client: PostgresClient) async throws -> String {
        let rows = try await client.query(
            "SELECT md5(string_agg(p::text, E'\\n' ORDER BY id)) FROM \(identifier: table) p")
        return try rows[0].decode(String.self)
    }

    /// Posts shaped like the ingest service's: a UUID, an account handle, about 200 characters
    /// of text with some non-ASCII and the odd tab or newline, a timestamp, small JSON metadata.
    private static func makePosts(_ count: Int) -> [Post] {
        let words = [
            "school", "trip", "parents", "evening", "sports", "day", "Year", "6", "café", "naïve", "great",
            "well done", "team!", "🏫", "thanks", "#proud", "head\tteacher", "line\nbreak", "back\\slash",
        ]
        var generator = SystemRandomNumberGenerator()
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        return (0..<count).map { i in
            var text = ""
            while text.count < 200 { text += words.randomElement(using: &generator)! + " " }
            return Post(
                id: UUID(),
                accountID: "account-\(i % 977)",
                text: text,
                // Whole seconds, as platforms report them, so the text file's ISO 8601 timestamps
                // name exactly the same instants.
                postedAt: start.addingTimeInterval(Double(i)),
                meta: PostgresJSON(Meta(platform: i % 2 == 0 ? "facebook" : "x", likes: i % 500, isReply: i % 3 == 0)))
        }
    }

    /// The posts in COPY's text format: tab-separated, with `\`, tab, newline and carriage return
    /// escaped.
    private static func copyText(_ posts: [Post]) throws -> Data {
        let timestamps = Date.ISO8601FormatStyle()
        let encoder = JSONEncoder()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(posts.count * 320)
        func field(_ value: some StringProtocol) {
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                default: bytes.append(byte)
                }
            }
        }
        for post in posts {
            field(post.id.uuidString)
            bytes.append(UInt8(ascii: "\t"))
            field(post.accountID)
            bytes.append(UInt8(ascii: "\t"))
            field(post.text)
            bytes.append(UInt8(ascii: "\t"))
            field(timestamps.format(post.postedAt))
            bytes.append(UInt8(ascii: "\t"))
            field(String(decoding: try encoder.encode(post.meta.value), as: UTF8.self))
            bytes.append(UInt8(ascii: "\n"))
        }
        return Data(bytes)
    }

    /// Loads `file` with `psql \copy`, which streams it from the client side as `COPY FROM STDIN`.
    private static func runPsql(databaseURL: String, file: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let command = "\\copy \(table) (\(columns.joined(separator: ", "))) FROM '\(file.path)'"
        process.arguments = ["psql", databaseURL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", command]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailed(
                description: "psql exited \(process.terminationStatus): \(String(decoding: message, as: UTF8.self))")
        }
    }
}
