import Foundation
import ParapetKafka
import ParapetPostgres
import ParapetRuntime

/// Where a pipeline service finds Kafka and PostgreSQL, read from the environment (or the file
/// named by `PARAPET_CONFIG_FILE`).
public struct PipelineSettings: Sendable {
    /// `PARAPET_KAFKA_BROKERS`: `host:port[,host:port...]`.
    public var kafkaBrokers: String
    /// `PARAPET_DATABASE_URL`: a `postgresql://` URL; may hold a password, so never logged.
    public var databaseURL: String
    /// `PARAPET_DATABASE_POOL_SIZE`: connections per process (default 4).
    public var databasePoolSize: Int
    /// `PARAPET_CONNECT_TIMEOUT`: how long to wait for the broker or the database (default 10s).
    public var connectTimeout: Duration
    /// `PARAPET_KAFKA_SESSION_TIMEOUT`: how long the group waits for a silent member (default 45s).
    public var kafkaSessionTimeout: Duration
    /// `PARAPET_TOPIC_PARTITIONS`: partitions per topic when creating topics (default 6).
    public var topicPartitions: Int

    /// Reads the settings, reporting every bad variable at once.
    public init(_ reader: ConfigurationReader) throws(ConfigurationErrors) {
        let (brokers, database, poolSize, connectTimeout, sessionTimeout, partitions) = try reader.values(
            ConfigurationKey("PARAPET_KAFKA_BROKERS", .hostPorts),
            ConfigurationKey("PARAPET_DATABASE_URL", .url(schemes: ["postgresql", "postgres"])),
            ConfigurationKey("PARAPET_DATABASE_POOL_SIZE", .int(in: 1...100), default: 4),
            ConfigurationKey("PARAPET_CONNECT_TIMEOUT", .duration(in: .milliseconds(100)...(.seconds(300))), default: .seconds(10)),
            ConfigurationKey("PARAPET_KAFKA_SESSION_TIMEOUT", .duration(in: .seconds(1)...(.seconds(300))), default: .seconds(45)),
            ConfigurationKey("PARAPET_TOPIC_PARTITIONS", .int(in: 1...1000), default: 6))
        self.kafkaBrokers = brokers.map(\.description).joined(separator: ",")
        self.databaseURL = database.absoluteString
        self.databasePoolSize = poolSize
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
        try PostgresConfiguration(
            url: databaseURL, maximumConnections: databasePoolSize, connectTimeout: connectTimeout, applicationName: applicationName)
    }
}
