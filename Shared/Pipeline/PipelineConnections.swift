import Foundation
import ParapetKafka
import ParapetModels
import ParapetPostgres
import ParapetRuntime
import ParapetSchema

/// A pipeline service's open connections: the database pool (schema migrated) and a checked
/// Kafka cluster.
public struct PipelineConnections: Sendable {
    public let settings: PipelineSettings
    public let postgres: PostgresClient
    public let kafkaAdmin: KafkaAdmin

    /// Connects to PostgreSQL, brings its schema up to date, and checks that Kafka answers.
    /// Each failure throws an error whose description is one line naming what could not be
    /// reached, which the service runner prints before exiting 69.
    public static func open(settings: PipelineSettings, name: String, logger: Logger) async throws -> PipelineConnections {
        let postgres = PostgresClient(configuration: try settings.postgres(applicationName: name), logger: logger)
        do {
            // Migrating takes an advisory lock, so copies of services starting together queue
            // here instead of racing.
            try await ParapetSchema.migrate(postgres, logger: logger)
            // The admin client's own retries are noise here: its answer is the error thrown below
            // at start-up, and the readiness report after.
            var adminLogger = logger
            adminLogger.logLevel = .error
            let kafkaAdmin = try KafkaAdmin(configuration: settings.kafka(clientID: name), logger: adminLogger)
            _ = try await kafkaAdmin.listTopics()
            return PipelineConnections(settings: settings, postgres: postgres, kafkaAdmin: kafkaAdmin)
        } catch {
            await postgres.shutdown()
            throw error
        }
    }

    /// Readiness: the database answers a query and a broker answers a metadata request.
    public func readinessChecks() -> [ReadinessCheck] {
        let postgres = self.postgres
        let kafkaAdmin = self.kafkaAdmin
        return [
            ReadinessCheck("postgres") { _ = try await postgres.query("SELECT 1") },
            ReadinessCheck("kafka") { _ = try await kafkaAdmin.listTopics(timeout: .seconds(2)) },
        ]
    }

    /// Creates Parapet's topics with the configured partition count; existing topics are kept.
    public func createTopics() async throws {
        try await kafkaAdmin.createTopics(
            ParapetTopic.allCases.map {
                KafkaTopicSpecification(name: $0.name, partitions: Int32(settings.topicPartitions))
            })
    }

    /// Closes the pool; call once nothing uses it any more.
    public func close() async {
        await postgres.shutdown()
    }
}
