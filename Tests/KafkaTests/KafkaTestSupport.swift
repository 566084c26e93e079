import Foundation
import Logging
import TestSupport

@testable import ParapetKafka

/// Quiet loggers and short group timeouts: Tansu makes a new group's first join wait about
/// half the session timeout.
enum KafkaTest {
    static var logger: Logger {
        var logger = Logger(label: "kafka-test")
        // PARAPET_TEST_LOG_LEVEL=debug shows librdkafka's own logs when a test misbehaves.
        logger.logLevel = ProcessInfo.processInfo.environment["PARAPET_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        return logger
    }

    static func configuration(_ infrastructure: LocalInfrastructure) -> KafkaConfiguration {
        KafkaConfiguration(brokers: infrastructure.kafkaBrokers, clientID: "parapet-tests", connectTimeout: .seconds(5))
    }

    static func consumer(_ infrastructure: LocalInfrastructure, group: String, topic: String) throws -> KafkaConsumer {
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(configuration(infrastructure), groupID: group, sessionTimeout: .seconds(6)),
            logger: logger)
        try consumer.subscribe(topics: [topic])
        return consumer
    }

    static func producer(_ infrastructure: LocalInfrastructure) throws -> KafkaProducer {
        try KafkaProducer(configuration: KafkaProducerConfiguration(configuration(infrastructure)), logger: logger)
    }

    static func createTopic(_ infrastructure: LocalInfrastructure, _ name: String, partitions: Int32) async throws {
        let admin = try KafkaAdmin(configuration: configuration(infrastructure), logger: logger)
        try await admin.createTopics([KafkaTopicSpecification(name: name, partitions: partitions)])
    }

    /// Polls until `count` messages arrived or `deadline` passed.
    static func consume(_ consumer: KafkaConsumer, count: Int, within deadline: Duration = .seconds(60)) async throws -> [KafkaMessage] {
        var received: [KafkaMessage] = []
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: deadline)
        while received.count < count, clock.now < end {
            received += try await consumer.poll(maxMessages: 1000, timeout: .milliseconds(200))
        }
        return received
    }
}
