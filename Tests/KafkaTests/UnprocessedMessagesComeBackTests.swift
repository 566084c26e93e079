import Foundation
import TestSupport
import Testing

@testable import ParapetKafka

@Suite("Offsets are stored only after processing")
struct UnprocessedMessagesComeBackTests {
    @Test("a consumer killed before storing offsets leaves its messages for the next member")
    func killedConsumerMessagesAreRedelivered() async throws {
        try await LocalInfrastructure.with([.kafka]) { infrastructure in
            try await KafkaTest.createTopic(infrastructure, "verdicts", partitions: 1)
            let producer = try KafkaTest.producer(infrastructure)
            try await producer.send((0..<100).map { KafkaOutgoingMessage(topic: "verdicts", key: "k", value: Array("\($0)".utf8)) })
            await producer.close()

            let first = try KafkaTest.consumer(infrastructure, group: "escalation", topic: "verdicts")
            let seen = try await KafkaTest.consume(first, count: 100)
            #expect(seen.count == 100)
            // Only the first 40 are processed; the process dies before storing the rest.
            for message in seen.prefix(40) { try first.markProcessed(message) }
            try await first.commit()
            first.simulateCrash()

            let second = try KafkaTest.consumer(infrastructure, group: "escalation", topic: "verdicts")
            let again = try await KafkaTest.consume(second, count: 60)
            await second.close()
            #expect(again.map { String(decoding: $0.value, as: UTF8.self) } == (40..<100).map(String.init))
        }
    }

    @Test("a message whose offset was stored is not delivered again after a clean close")
    func processedMessagesAreNotRedelivered() async throws {
        try await LocalInfrastructure.with([.kafka]) { infrastructure in
            try await KafkaTest.createTopic(infrastructure, "notifications", partitions: 1)
            let producer = try KafkaTest.producer(infrastructure)
            try await producer.send((0..<10).map { KafkaOutgoingMessage(topic: "notifications", key: "k", value: Array("\($0)".utf8)) })

            let first = try KafkaTest.consumer(infrastructure, group: "notifier", topic: "notifications")
            for message in try await KafkaTest.consume(first, count: 10) { try first.markProcessed(message) }
            await first.close()

            try await producer.send(KafkaOutgoingMessage(topic: "notifications", key: "k", value: Array("10".utf8)))
            await producer.close()
            let second = try KafkaTest.consumer(infrastructure, group: "notifier", topic: "notifications")
            let after = try await KafkaTest.consume(second, count: 1)
            await second.close()
            #expect(after.map { String(decoding: $0.value, as: UTF8.self) } == ["10"])
        }
    }
}
