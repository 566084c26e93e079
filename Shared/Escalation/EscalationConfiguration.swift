import Foundation
import ParapetKafka

/// How the escalation service consumes, batches, sweeps and tells the time.
public struct EscalationConfiguration: Sendable {
    /// The consumer group, and the `consumer` of its `processed_messages` markers.
    public static let consumerGroup = "parapet-escalation"

    public var kafka: KafkaConfiguration
    public var sessionTimeout: Duration
    /// The most verdicts polled at once.
    public var batchSize: Int
    /// How many transactions one batch is split into, by author, run side by side.
    public var lanes: Int
    /// How long one poll waits for a first message; also how quickly a shutdown is noticed.
    public var pollTimeout: Duration
    /// How often to look for overdue cases and for outbox rows a crash left unpublished.
    public var sweepInterval: Duration
    /// How old an unpublished outbox row must be before the sweep publishes it (younger ones
    /// are still in the hands of the batch that wrote them).
    public var outboxGrace: Duration
    /// How often to check PostgreSQL for a changed trust configuration.
    public var reloadInterval: Duration
    /// Deadlines per severity.
    public var settings: EscalationSettings
    /// The time now: the wall clock in production, a clock a test moves in tests, so deadlines
    /// are tested without sleeping.
    public var now: @Sendable () -> Date

    public init(
        kafka: KafkaConfiguration, sessionTimeout: Duration = .seconds(45), batchSize: Int = 5000, lanes: Int = 2,
        pollTimeout: Duration = .milliseconds(250), sweepInterval: Duration = .seconds(5), outboxGrace: Duration = .seconds(30),
        reloadInterval: Duration = .seconds(10), settings: EscalationSettings = EscalationSettings(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.kafka = kafka
        self.sessionTimeout = sessionTimeout
        self.batchSize = batchSize
        self.lanes = max(1, lanes)
        self.pollTimeout = pollTimeout
        self.sweepInterval = sweepInterval
        self.outboxGrace = outboxGrace
        self.reloadInterval = reloadInterval
        self.settings = settings
        self.now = now
    }

    var consumer: KafkaConsumerConfiguration {
        KafkaConsumerConfiguration(kafka, groupID: Self.consumerGroup, sessionTimeout: sessionTimeout)
    }

    var producer: KafkaProducerConfiguration {
        var common = kafka
        common.properties["message.max.bytes"] = String(16 << 20)
        return KafkaProducerConfiguration(common, linger: .milliseconds(2))
    }
}
