import ParapetKafka

/// How the classifier service consumes, batches and reloads.
public struct ClassifierConfiguration: Sendable {
    /// The consumer group, and the `consumer` of its `processed_messages` markers.
    public static let consumerGroup = "parapet-classifier"

    /// Where Kafka is; the consumer and the producer are made from it.
    public var kafka: KafkaConfiguration
    /// How long the group waits for a silent member before moving its partitions.
    public var sessionTimeout: Duration
    /// The most messages classified, stored and published together.
    public var batchSize: Int
    /// How often to check PostgreSQL for a changed trust configuration.
    public var reloadInterval: Duration
    /// How long one poll waits for a first message; also how quickly a shutdown is noticed.
    public var pollTimeout: Duration

    public init(
        kafka: KafkaConfiguration, sessionTimeout: Duration = .seconds(45), batchSize: Int = 5000,
        reloadInterval: Duration = .seconds(10), pollTimeout: Duration = .milliseconds(250)
    ) {
        self.kafka = kafka
        self.sessionTimeout = sessionTimeout
        self.batchSize = batchSize
        self.reloadInterval = reloadInterval
        self.pollTimeout = pollTimeout
    }

    /// The consumer's settings: the group, stored offsets only (see ``KafkaConsumer``), and a
    /// prefetch deep enough to keep batches full.
    var consumer: KafkaConsumerConfiguration {
        KafkaConsumerConfiguration(kafka, groupID: Self.consumerGroup, sessionTimeout: sessionTimeout)
    }

    /// The producer's settings: verdicts and dead letters. A dead letter carries the original
    /// message, which may be as large as the broker let the post in, so the producer accepts
    /// messages up to 16 MiB (librdkafka's default is 1 MB).
    var producer: KafkaProducerConfiguration {
        var common = kafka
        common.properties["message.max.bytes"] = String(16 << 20)
        return KafkaProducerConfiguration(common, linger: .milliseconds(2))
    }
}
