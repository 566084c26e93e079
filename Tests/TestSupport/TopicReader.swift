import Foundation
import Logging
import ParapetKafka

/// Reads what a topic holds, as a test checks what a service published.
public enum TopicReader {
    /// Every message on `topic`, read from the start by a fresh group until `expected` arrived
    /// (when given) or the topic stays quiet for `quiet` after the group joined.
    public static func messages(
        on topic: String, brokers: String, expected: Int? = nil, quiet: Duration = .seconds(4)
    ) async throws -> [KafkaMessage] {
        var logger = Logger(label: "topic-reader")
        logger.logLevel = .critical
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                KafkaConfiguration(brokers: brokers), groupID: "check-\(UUID().uuidString.prefix(8))", sessionTimeout: .seconds(6)),
            logger: logger)
        try consumer.subscribe(topics: [topic])
        var messages: [KafkaMessage] = []
        var lastArrival = ContinuousClock.now
        let deadline = ContinuousClock.now.advanced(by: .seconds(120))
        var joined = false
        while ContinuousClock.now < deadline {
            let batch = try await consumer.poll(maxMessages: 2000, timeout: .milliseconds(250))
            if !batch.isEmpty || !consumer.assignment.isEmpty { joined = true }
            if !batch.isEmpty { lastArrival = .now }
            messages += batch
            if let expected, messages.count >= expected { break }
            // Before the first message, a loaded machine may take longer than `quiet` to fetch
            // after the join: wait longer for it, so that "nothing arrived" means nothing was sent.
            let patience = messages.isEmpty ? max(quiet, .seconds(30)) : quiet
            if joined && ContinuousClock.now - lastArrival > patience { break }
            if !joined { lastArrival = .now }
        }
        await consumer.close()
        return messages
    }
}
