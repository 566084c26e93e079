import ArgumentParser
import Foundation

/// `parapet-bench`: throughput of Parapet's Swift clients beside the raw tools, in one run on the
/// same broker and database. `scripts/bench` starts the servers and runs it in release mode.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parapet-bench", abstract: "Measure Kafka and PostgreSQL client throughput against kcat and psql.")

    @Option(help: "Kafka brokers (host:port).")
    var brokers: String = ProcessInfo.processInfo.environment["PARAPET_KAFKA_BROKERS"] ?? ""

    @Option(help: "PostgreSQL URL.")
    var databaseURL: String = ProcessInfo.processInfo.environment["PARAPET_DATABASE_URL"] ?? ""

    @Option(help: "Kafka messages to produce and consume.")
    var messages: Int = 200_000

    @Option(help: "Bytes per Kafka message value.")
    var messageBytes: Int = 256

    @Option(help: "Rounds per Kafka measurement (medians are reported).")
    var rounds: Int = 3

    @Option(help: "Rows to bulk-insert into PostgreSQL.")
    var rows: Int = 200_000

    func validate() throws {
        guard !brokers.isEmpty else { throw ValidationError("set --brokers or PARAPET_KAFKA_BROKERS") }
        guard !databaseURL.isEmpty else { throw ValidationError("set --database-url or PARAPET_DATABASE_URL") }
    }

    func run() async throws {
        print(try await KafkaBenchmark.run(brokers: brokers, messages: messages, messageBytes: messageBytes, rounds: rounds))
        print(try await PostgresBenchmark.run(databaseURL: databaseURL, rows: rows))
    }
}
