import ArgumentParser
import ParapetKafka
import ParapetPipeline

/// `parapet lag --group G [--topic T ...]`: how far a consumer group is behind.
struct LagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lag", abstract: "Show a consumer group's committed offsets and lag per partition.")

    @Option(help: "The consumer group, e.g. classifier.")
    var group: String

    @Option(help: "A topic to report (repeatable).")
    var topic: [String]

    func run() async throws {
        let context = try OperatorContext.load()
        try await context.run {
            let admin = try KafkaAdmin(configuration: context.settings.kafka(clientID: "parapet-lag"), logger: context.logger)
            let lags = try await admin.lag(group: group, topics: topic)
            print("topic\tpartition\tcommitted\tend\tlag")
            for lag in lags {
                print("\(lag.topic)\t\(lag.partition)\t\(lag.committed.map(String.init) ?? "-")\t\(lag.highWatermark)\t\(lag.lag)")
            }
            print("total lag\t\(lags.reduce(0) { $0 + $1.lag })")
        }
    }
}
