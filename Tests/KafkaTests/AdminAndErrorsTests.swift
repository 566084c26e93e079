import Foundation
import ParapetKafka
import TestSupport
import Testing

@Suite("Topics, lag and unreachable brokers")
struct AdminAndErrorsTests {
    @Test("creating topics twice is harmless and lists them with their partitions")
    func createTopicsIsIdempotent() async throws {
        try await LocalInfrastructure.with([.kafka]) { infrastructure in
            let admin = try KafkaAdmin(configuration: KafkaTest.configuration(infrastructure), logger: KafkaTest.logger)
            let topics = [KafkaTopicSpecification(name: "posts", partitions: 4), KafkaTopicSpecification(name: "verdicts", partitions: 2)]
            try await admin.createTopics(topics)
            try await admin.createTopics(topics)
            let listed = try await admin.listTopics()
            #expect(listed.filter { ["posts", "verdicts"].contains($0.name) }.map(\.partitions) == [4, 2])
        }
    }

    @Test("lag counts what the group has not committed")
    func groupLag() async throws {
        try await LocalInfrastructure.with([.kafka]) { infrastructure in
            try await KafkaTest.createTopic(infrastructure, "posts", partitions: 1)
            let producer = try KafkaTest.producer(infrastructure)
            // One send at a time: Tansu reports a burst's high watermark per record batch.
            for index in 0..<25 { try await producer.send(KafkaOutgoingMessage(topic: "posts", key: "k", value: Array("\(index)".utf8))) }
            await producer.close()

            let consumer = try KafkaTest.consumer(infrastructure, group: "classifier", topic: "posts")
            let messages = try await KafkaTest.consume(consumer, count: 25)
            for message in messages.prefix(10) { try consumer.markProcessed(message) }
            try await consumer.commit()

            let admin = try KafkaAdmin(configuration: KafkaTest.configuration(infrastructure), logger: KafkaTest.logger)
            let lag = try await admin.lag(group: "classifier", topics: ["posts"])
            await consumer.close()
            #expect(lag.count == 1)
            #expect(lag.first?.committed == 10)
            #expect(lag.first?.highWatermark == 25)
            #expect(lag.first?.lag == 15)
        }
    }

    @Test("an unreachable broker fails within the timeout with one line naming it")
    func unreachableBroker() async throws {
        let port = try FreePort.next()
        let configuration = KafkaConfiguration(brokers: "127.0.0.1:\(port)", connectTimeout: .seconds(2))
        let admin = try KafkaAdmin(configuration: configuration, logger: KafkaTest.logger)
        let (error, elapsed) = await timed {
            await #expect(throws: KafkaError.self) { try await admin.listTopics() }
        }
        // The message names the 2 s timeout; the bound only rules out a hang on two shared cores.
        // It is timed on a thread of its own (`timed`), so other tests' work is not counted.
        #expect(elapsed < .seconds(30))
        #expect(error?.kind == .unreachable)
        #expect(error?.description.hasPrefix("cannot reach Kafka at 127.0.0.1:\(port) within 2") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test("a send to an unreachable broker throws once the delivery timeout passes")
    func sendToUnreachableBroker() async throws {
        let port = try FreePort.next()
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(KafkaConfiguration(brokers: "127.0.0.1:\(port)"), deliveryTimeout: .seconds(2)),
            logger: KafkaTest.logger)
        let error = await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaOutgoingMessage(topic: "posts", key: "k", value: [1]))
        }
        #expect(error?.kind == .delivery)
        await producer.close(timeout: .seconds(1))
    }

    @Test("a bad property is rejected with its name")
    func badProperty() {
        let configuration = KafkaConfiguration(brokers: "127.0.0.1:9", properties: ["no.such.property": "1"])
        let error = #expect(throws: KafkaError.self) { try KafkaAdmin(configuration: configuration, logger: KafkaTest.logger) }
        #expect(error?.kind == .configuration)
        #expect(error?.description.contains("no.such.property") == true)
    }
}
