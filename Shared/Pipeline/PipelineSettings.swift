import Foundation
import ParapetKafka
import ParapetPostgres
import ParapetRuntime

/// Where a pipeline service finds Kafka and PostgreSQL, read from the environment (or the file
/// named by `PARAPET_CONFIG_FILE`).
public struct PipelineSettings: Sendable {
    /// `PARAPET_KAFKA_BROKERS`: `host:port[,host:port...]`.
    public var kafkaBrokers: String
    /// Where PostgreSQL is.
    public var database: DatabaseSettings
    /// `PARAPET_CONNECT_TIMEOUT`: how long to wait for the broker (default 10s).
    public var connectTimeout: Duration
    /// `PARAPET_KAFKA_SESSION_TIMEOUT`: how long the group waits for a silent member (default 45s).
    public var kafkaSessionTimeout: Duration
    /// `PARAPET_TOPIC_PARTITIONS`: partitions per topic when creating topics (default 6).
    public var topicPartitions: Int

    /// Reads the settings, reporting every bad variable at once (Kafka's first, as the README
    /// lists them).
    public init(_ reader: ConfigurationReader) throws(ConfigurationErrors) {
        var problems: [ConfigurationError] = []
        var kafka: ([HostPort], Duration, Duration, Int)? = nil
        do {
            let values = try reader.values(
                ConfigurationKey("PARAPET_KAFKA_BROKERS", .hostPorts),
                DatabaseSettings.connectTimeoutKey,
                ConfigurationKey("PARAPET_KAFKA_SESSION_TIMEOUT", .duration(in: .seconds(1)...(.seconds(300))), default: .seconds(45)),
                ConfigurationKey("PARAPET_TOPIC_PARTITIONS", .int(in: 1...1000), default: 6))
            kafka = (values.0, values.1, values.2, values.3)
        } catch {
            problems += error.errors
        }
        var database: DatabaseSettings? = nil
        do {
            database = try DatabaseSettings(reader)
        } catch {
            // The connect timeout is read by both; report it once.
            problems += error.errors.filter { !problems.contains($0) }
        }
        guard let database, let (brokers, connectTimeout, sessionTimeout, partitions) = kafka else {
            throw ConfigurationErrors(problems)
        }
        self.kafkaBrokers = brokers.map(\.description).joined(separator: ",")
        self.database = database
        self.connectTimeout = connectTimeout
        self.kafkaSessionTimeout = sessionTimeout
        self.topicPartitions = partitions
    }

    /// The Kafka settings for a client named `clientID`.
    public func kafka(clientID: String) -> KafkaConfiguration {
        KafkaConfiguration(brokers: kafkaBrokers, clientID: clientID, connectTimeout: connectTimeout)
    }

    /// The PostgreSQL settings for a pool named `applicationName`.
    public func postgres(applicationName: String) throws(PostgresError) -> PostgresConfiguration {
        try database.postgres(applicationName: applicationName)
    }
}
