import Foundation
import Logging
import ParapetKafka

/// Producer and consumer throughput through the Swift client beside kcat's, on the same broker,
/// the same message count, size, keys and producer settings.
struct KafkaBenchmarkResult: Sendable, CustomStringConvertible {
    var messages: Int
    var messageBytes: Int
    var swiftProduceSeconds: Double
    var kcatProduceSeconds: Double
    var swiftConsumeSeconds: Double
    var kcatConsumeSeconds: Double

    func rate(_ seconds: Double) -> Double { Double(messages) / seconds }

    var description: String {
        func line(_ what: String, _ swift: Double, _ kcat: Double) -> String {
            let ratio = rate(swift) / rate(kcat)
            return String(
                format: "kafka %@: swift %.0f msg/s (%.1f MB/s), kcat %.0f msg/s (%.1f MB/s), swift/kcat %.0f%% %@",
                what, rate(swift), rate(swift) * Double(messageBytes) / 1e6, rate(kcat), rate(kcat) * Double(messageBytes) / 1e6,
                ratio * 100, ratio >= 0.8 ? "(target 80%: met)" : "(target 80%: NOT met)")
        }
        return [
            "kafka: \(messages) messages of \(messageBytes) bytes, 50 keys, 6 partitions, idempotent producer, linger 5 ms",
            line("produce", swiftProduceSeconds, kcatProduceSeconds),
            line("consume", swiftConsumeSeconds, kcatConsumeSeconds),
        ].joined(separator: "\n")
    }
}

enum KafkaBenchmark {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static let producerProperties = ["enable.idempotence": "true", "linger.ms": "5", "queue.buffering.max.messages": "1000000"]

    static func run(brokers: String, messages: Int, messageBytes: Int) async throws -> KafkaBenchmarkResult {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let configuration = KafkaConfiguration(brokers: brokers, clientID: "parapet-bench")
        let admin = try KafkaAdmin(configuration: configuration, logger: logger)
        let run = UUID().uuidString.prefix(8)
        let swiftTopic = "bench-swift-\(run)"
        let kcatTopic = "bench-kcat-\(run)"
        try await admin.createTopics([KafkaTopicSpecification(name: swiftTopic, partitions: 6), KafkaTopicSpecification(name: kcatTopic, partitions: 6)])

        let keys = (0..<50).map { "account-\($0)" }
        let payload = String(repeating: "x", count: messageBytes)

        // Swift producer: the whole set handed over in windows, each send awaiting every
        // delivery report, as a service publishing a batch would.
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(KafkaConfiguration(brokers: brokers, clientID: "parapet-bench", properties: producerProperties)),
            logger: logger)
        let window = 20_000
        let produceStart = ContinuousClock.now
        var sent = 0
        while sent < messages {
            let count = min(window, messages - sent)
            try await producer.send((sent..<(sent + count)).map {
                KafkaOutgoingMessage(topic: swiftTopic, key: keys[$0 % keys.count], value: Array(payload.utf8))
            })
            sent += count
        }
        let swiftProduce = seconds(since: produceStart)
        await producer.close()

        // kcat producer: the same messages from a file, key and value split at ':'.
        let file = FileManager.default.temporaryDirectory.appending(path: "parapet-bench-\(run).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        var lines = ""
        lines.reserveCapacity(messages * (messageBytes + 12))
        for index in 0..<messages { lines += "\(keys[index % keys.count]):\(payload)\n" }
        try lines.write(to: file, atomically: false, encoding: .utf8)
        let kcatProduce = try timeCommand(
            ["kcat", "-P", "-b", brokers, "-t", kcatTopic, "-K:", "-l"] + producerProperties.flatMap { ["-X", "\($0.key)=\($0.value)"] } + [file.path])

        // Swift consumer in a group: timed from the first message to the last, since joining a
        // new group on Tansu waits half the session timeout by design.
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(configuration, groupID: "bench-\(run)", sessionTimeout: .seconds(6)), logger: logger)
        try consumer.subscribe(topics: [swiftTopic])
        var received = 0
        var firstMessage: ContinuousClock.Instant?
        let deadline = ContinuousClock.now.advanced(by: .seconds(300))
        while received < messages, ContinuousClock.now < deadline {
            let batch = try await consumer.poll(maxMessages: 5000, timeout: .milliseconds(500))
            if firstMessage == nil, !batch.isEmpty { firstMessage = .now }
            if let last = batch.last { try consumer.markProcessed(last) }
            received += batch.count
        }
        guard received == messages, let firstMessage else {
            throw Failed(description: "the Swift consumer received \(received) of \(messages) messages")
        }
        let swiftConsume = seconds(since: firstMessage)
        await consumer.close()

        // kcat consumer: whole process time, reading every partition to its end.
        let kcatConsume = try timeCommand(["kcat", "-C", "-b", brokers, "-t", kcatTopic, "-o", "beginning", "-e", "-q", "-f", "%k\n"])

        return KafkaBenchmarkResult(
            messages: messages, messageBytes: messageBytes, swiftProduceSeconds: swiftProduce, kcatProduceSeconds: kcatProduce,
            swiftConsumeSeconds: swiftConsume, kcatConsumeSeconds: kcatConsume)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Runs a command with its output discarded and returns its wall-clock seconds.
    static func timeCommand(_ command: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let elapsed = seconds(since: start)
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(command.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return elapsed
    }
}
