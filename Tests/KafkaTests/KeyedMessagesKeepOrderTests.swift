import Foundation
import ParapetKafka
import TestSupport
import Testing

@Suite("Producing and consuming keyed messages")
struct KeyedMessagesKeepOrderTests {
    @Test("10,000 keyed messages are all consumed in a group, in order per key, with headers intact")
    func tenThousandKeyedMessages() async throws {
        try await LocalInfrastructure.with([.kafka]) { infrastructure in
            try await KafkaTest.createTopic(infrastructure, "posts", partitions: 6)
            let producer = try KafkaTest.producer(infrastructure)
            let keys = (0..<50).map { "account-\($0)" }
            let messages = (0..<10_000).map { index in
                KafkaOutgoingMessage(
                    topic: "posts", key: keys[index % keys.count], value: Array("\(index)".utf8),
                    headers: [KafkaHeader(name: "schema", value: "parapet.test/1"), KafkaHeader(name: "seq", value: "\(index)")])
            }
            let reports = try await producer.send(messages)
            #expect(reports.count == 10_000)
            #expect(Set(reports.map { "\($0.partition):\($0.offset)" }).count == 10_000, "every message has its own place")
            await producer.close()

            let consumer = try KafkaTest.consumer(infrastructure, group: "order-check", topic: "posts")
            let received = try await KafkaTest.consume(consumer, count: 10_000)
            await consumer.close()

            #expect(received.count == 10_000)
            var lastByKey: [String: Int] = [:]
            var outOfOrder = 0
            for message in received {
                let key = try #require(message.keyString)
                let sequence = try #require(Int(String(decoding: message.value, as: UTF8.self)))
                if let last = lastByKey[key], last >= sequence { outOfOrder += 1 }
                lastByKey[key] = sequence
                #expect(message.header("seq")?.stringValue == String(sequence))
                #expect(message.header("schema")?.stringValue == "parapet.test/1")
            }
            #expect(outOfOrder == 0)
            #expect(Set(received.map { String(decoding: $0.value, as: UTF8.self) }).count == 10_000)
            // Same key, same partition: what ordering per key rests on.
            let partitionsPerKey = Dictionary(grouping: received, by: { $0.keyString ?? "" }).mapValues { Set($0.map(\.partition)).count }
            #expect(partitionsPerKey.values.allSatisfy { $0 == 1 })
        }
    }
}
