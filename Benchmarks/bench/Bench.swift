import ArgumentParser
import Foundation

/// `parapet-bench`: throughput of Parapet's Swift clients beside the raw tools, in one run on the
/// same broker and database, of the policy engine alone, and of the classifier service from
/// topic to stored verdict. `scripts/bench` starts the servers and runs it in release mode.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parapet-bench",
        abstract: "Measure Kafka and PostgreSQL client throughput against kcat and psql, and the policy engine's posts per second.")

    /// A part of the benchmark that can run on its own.
    enum Section: String, ExpressibleByArgument, CaseIterable {
        case kafka, postgres, engine, classifier, json, escalation, notifier
    }

    @Option(
        name: .customLong("section"),
        help:
            "Run only this section (repeatable): kafka, postgres, engine, classifier, json, escalation, notifier. Default: kafka and postgres, and classifier when --classifier-binary is given."
    )
    var sections: [Section] = []

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

    @Option(help: "Schools in the engine benchmark's synthetic trust.")
    var engineSchools: Int = 40

    @Option(help: "Roster names (pupils, staff, governors) in the engine benchmark's synthetic trust.")
    var engineNames: Int = 50_000

    @Option(help: "Posts the engine classifies in each measurement.")
    var enginePosts: Int = 1_000_000

    @Option(help: "Distinct synthetic posts the engine benchmark cycles through.")
    var engineDistinctPosts: Int = 20_000

    @Option(help: "The example trust folder, whose default pack every synthetic school gets.")
    var exampleTrust: String = "Examples/oakfield-learning-trust"

    @Option(help: "The release classifier binary, for the classifier section: the service from topic to stored verdict.")
    var classifierBinary: String?

    @Option(help: "Posts the classifier section publishes and times.")
    var classifierPosts: Int = 200_000

    @Option(help: "The classifier's batch size in the classifier section (PARAPET_CLASSIFIER_BATCH_SIZE).")
    var classifierBatch: Int = 5000

    @Option(help: "The release escalation binary, for the escalation section: verdicts to case state, and the case API's latency.")
    var escalationBinary: String?

    @Option(help: "Verdicts the escalation section publishes and times (30% of them breaches).")
    var escalationVerdicts = 200_000

    @Option(help: "Cases stored when the escalation section times the case API.")
    var escalationCases = 100_000

    @Option(help: "Case API requests of each kind (list, read) the escalation section times.")
    var escalationRequests = 1000

    @Option(help: "The release notifier binary, for the notifier section: notifications to emails accepted by the SMTP sink.")
    var notifierBinary: String?

    @Option(help: "Notifications the notifier section publishes and times (one email each).")
    var notifierNotifications = 4000

    @Option(help: "The notifier's lanes in the notifier section (PARAPET_NOTIFIER_LANES).")
    var notifierLanes = 4

    @Option(help: "The SMTP sink's URL, for the notifier section.")
    var smtpURL = ProcessInfo.processInfo.environment["PARAPET_SMTP_URL"] ?? ""

    @Option(help: "Messages the json section reads and writes each way.")
    var jsonMessages: Int = 50_000

    @Option(help: "The folder scripts/infra started the servers in: the classifier section then reports Tansu's and PostgreSQL's CPU too.")
    var servers: String?

    private var chosen: Set<Section> {
        guard sections.isEmpty else { return Set(sections) }
        return classifierBinary == nil ? [.kafka, .postgres] : [.kafka, .postgres, .classifier]
    }

    func validate() throws {
        if chosen.contains(.kafka), brokers.isEmpty { throw ValidationError("set --brokers or PARAPET_KAFKA_BROKERS") }
        if chosen.contains(.postgres), databaseURL.isEmpty { throw ValidationError("set --database-url or PARAPET_DATABASE_URL") }
        if chosen.contains(.classifier) {
            guard classifierBinary != nil else { throw ValidationError("the classifier section needs --classifier-binary") }
            guard !brokers.isEmpty, !databaseURL.isEmpty else { throw ValidationError("the classifier section needs --brokers and --database-url") }
            guard classifierPosts > 0, classifierBatch > 0 else { throw ValidationError("the classifier section needs posts and a batch size") }
        }
        if engineSchools < 1 || engineNames < engineSchools * 10 || enginePosts < 1 || engineDistinctPosts < 1 {
            throw ValidationError("the engine benchmark needs at least one school, ten names a school and one post")
        }
    }

    func run() async throws {
        var kafka: KafkaBenchmarkResult?
        var postgres: PostgresBenchmarkResult?
        if chosen.contains(.kafka) {
            kafka = try await KafkaBenchmark.run(brokers: brokers, messages: messages, messageBytes: messageBytes, rounds: rounds)
            print(kafka!)
        }
        if chosen.contains(.postgres) {
            postgres = try await PostgresBenchmark.run(databaseURL: databaseURL, rows: rows)
            print(postgres!)
        }
        if chosen.contains(.classifier), let classifierBinary {
            print(
                try await ClassifierBenchmark.run(
                    binary: classifierBinary, trustFolder: exampleTrust, posts: classifierPosts, batchSize: classifierBatch,
                    brokers: brokers, databaseURL: databaseURL, serversFolder: servers,
                    kafkaProduceCeiling: kafka.map { Double($0.messages) / median($0.swiftProduce) },
                    copyCeiling: postgres?.swiftRowsPerSecond))
        }
        if chosen.contains(.escalation) {
            guard let escalationBinary else { throw ValidationError("the escalation section needs --escalation-binary") }
            print(
                try await EscalationBenchmark.run(
                    binary: escalationBinary, trustFolder: exampleTrust, verdicts: escalationVerdicts, cases: escalationCases,
                    requests: escalationRequests, brokers: brokers, databaseURL: databaseURL))
        }
        if chosen.contains(.notifier) {
            guard let notifierBinary, !smtpURL.isEmpty else { throw ValidationError("the notifier section needs --notifier-binary and --smtp-url") }
            print(
                try await NotifierBenchmark.run(
                    binary: notifierBinary, trustFolder: exampleTrust, notifications: notifierNotifications, lanes: notifierLanes,
                    brokers: brokers, databaseURL: databaseURL, smtpURL: smtpURL))
        }
        if chosen.contains(.json) {
            print(try JSONBenchmark.run(messages: jsonMessages))
        }
        if chosen.contains(.engine) {
            print(
                try await EngineBenchmark.run(
                    exampleTrust: exampleTrust, schools: engineSchools, people: engineNames, posts: enginePosts,
                    distinct: engineDistinctPosts))
        }
    }
}
