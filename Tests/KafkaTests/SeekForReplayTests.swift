import Foundation
import ParapetKafka
import TestSupport
import Testing

@Suite("Seeking for replay")
struct SeekForReplayTests {
    @Test("a seek to a timestamp re-reads from the first message at or after it")
    func seekToTimestamp() async throws {
        try await LocalInfrastructure.with([.kafka]) { infrastructure in
            try await KafkaTest.createTopic(infrastructure, "posts", partitions: 3)
            let start = Date(timeIntervalSince1970: 1_790_000_000)
            let producer = try KafkaTest.producer(infrastructure)
            // One burst: the broker stores it as a few record batches, so a broker that answers
            // time lookups per batch (or, like Tansu, with the earliest offset) is coarse here.
            try await producer.send(
                (0..<60).map { index in
                    KafkaOutgoingMessage(
                        topic: "posts", key: "account-\(index % 3)", value: Array("\(index)".utf8), timestamp: start.addingTimeInterval(Double(index))
                    )
                })
            await producer.close()

            let consumer = try KafkaTest.consumer(infrastructure, group: "replay", topic: "posts")
            #expect(try await KafkaTest.consume(consumer, count: 60).count == 60)

            let positions = try await consumer.seek(topic: "posts", to: start.addingTimeInterval(45))
            #expect(positions.count == 3)
            let replayed = try await KafkaTest.consume(consumer, count: 15)
            await consumer.close()
            #expect(replayed.map { Int(String(decoding: $0.value, as: UTF8.self))! }.sorted() == Array(45..<60))
            #expect(replayed.allSatisfy { $0.timestamp! >= start.addingTimeInterval(45) })
        }
    }

    @Test("a seek to an offset re-reads from that offset")
    func seekToOffset() async throws {
        try await LocalInfrastructure.with([.kafka]) { infrastructure in
            try await KafkaTest.createTopic(infrastructure, "cases", partitions: 1)
            let producer = try KafkaTest.producer(infrastructure)
            try await producer.send((0..<20).map { KafkaOutgoingMessage(topic: "cases", key: "c", value: Array("\($0)".utf8)) })
            await producer.close()

            let consumer = try KafkaTest.consumer(infrastructure, group: "replay-offset", topic: "cases")
            #expect(try await KafkaTest.consume(consumer, count: 20).count == 20)
            try await consumer.seek(to: [KafkaTopicPartition(topic: "cases", partition: 0, offset: 12)])
            let replayed = try await KafkaTest.consume(consumer, count: 8)
            await consumer.close()
            #expect(replayed.map(\.offset) == Array(12..<20))
        }
    }
}
