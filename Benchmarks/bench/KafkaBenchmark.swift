import Foundation
import Logging
import ParapetKafka

/// Producer and consumer throughput through the Swift client beside kcat's: the same broker,
/// message count, size, keys and producer settings, in rounds that alternate which goes first.
struct KafkaBenchmarkResult: Sendable, CustomStringConvertible {
    var messages: Int
    var messageBytes: Int
    var rounds: Int
    var swiftProduce: [Double]
    var kcatProduce: [Double]
    var swiftConsume: [Double]
    var kcatConsume: [Double]

    var description: String {
        func line(_ what: String, _ swift: [Double], _ kcat: [Double]) -> String {
            let swiftRate = Double(messages) / median(swift)
            let kcatRate = Double(messages) / median(kcat)
            let ratio = swiftRate / kcatRate
            return String(
                format: "kafka %@: swift %.0f msg/s (%.1f MB/s), kcat %.0f msg/s (%.1f MB/s), swift/kcat %.0f%% %@",
                what, swiftRate, swiftRate * Double(messageBytes) / 1e6, kcatRate, kcatRate * Double(messageBytes) / 1e6,
                ratio * 100, ratio >= 0.8 ? "(target 80%: met)" : "(target 80%: NOT met)")
        }
        func seconds(_ values: [Double]) -> String { values.map { String(format: "%.3f", $0) }.joined(separator: " ") }
        return [
            "kafka: \(messages) messages of \(messageBytes) bytes, 50 keys, 6 partitions, idempotent producer, linger 5 ms; median of \(rounds) rounds",
            "  produce: start-up to last acknowledgement for both (kcat reads its messages from a file); consume: first message to last for both",
            line("produce", swiftProduce, kcatProduce),
            line("consume", swiftConsume, kcatConsume),
            "  seconds per round: swift produce \(seconds(swiftProduce)); kcat produce \(seconds(kcatProduce)); "
                + "swift consume \(seconds(swiftConsume)); kcat consume \(seconds(kcatConsume))",
        ].joined(separator: "\n")
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

enum KafkaBenchmark {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static let producerProperties = ["enable.idempotence": "true", "linger.ms": "5", "queue.buffering.max.messages": "1000000"]

    static func run(brokers: String, messages: Int, messageBytes: Int, rounds: Int) async throws -> KafkaBenchmarkResult {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let keys = (0..<50).map { "account-\($0)" }
        let payload = String(repeating: "x", count: messageBytes)
        // kcat reads its messages from a file, key and value split at ':'.
        let file = FileManager.default.temporaryDirectory.appending(path: "parapet-bench-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        var lines = ""
        lines.reserveCapacity(messages * (messageBytes + 12))
        for index in 0..<messages { lines += "\(keys[index % keys.count]):\(payload)\n" }
        try lines.write(to: file, atomically: false, encoding: .utf8)

        var result = KafkaBenchmarkResult(
            messages: messages, messageBytes: messageBytes, rounds: rounds, swiftProduce: [], kcatProduce: [], swiftConsume: [], kcatConsume: [])
        for round in 0..<rounds {
            let swiftTopic = "bench-swift-\(round)-\(UUID().uuidString.prefix(8))"
            let kcatTopic = "bench-kcat-\(round)-\(UUID().uuidString.prefix(8))"
            try await createAndAwait([swiftTopic, kcatTopic], brokers: brokers, logger: logger)
            let swiftFirst = round % 2 == 0
            let kcatProduce = {
                try timeCommand(
                    ["kcat", "-P", "-b", brokers, "-t", kcatTopic, "-K:", "-l"] + producerProperties.flatMap { ["-X", "\($0.key)=\($0.value)"] }
                        + [file.path])
            }
            if swiftFirst {
                result.swiftProduce.append(
                    try await produce(brokers: brokers, topic: swiftTopic, keys: keys, payload: payload, messages: messages, logger: logger))
                result.kcatProduce.append(try kcatProduce())
            } else {
                result.kcatProduce.append(try kcatProduce())
                result.swiftProduce.append(
                    try await produce(brokers: brokers, topic: swiftTopic, keys: keys, payload: payload, messages: messages, logger: logger))
            }
            // -u: unbuffered, so the last byte arrives with the last message, not at exit.
            let kcatConsume = {
                try timeFromFirstOutput(["kcat", "-C", "-u", "-b", brokers, "-t", kcatTopic, "-o", "beginning", "-e", "-q", "-f", "%k\n"])
            }
            if swiftFirst {
                result.swiftConsume.append(try await consume(brokers: brokers, topic: swiftTopic, messages: messages, logger: logger))
                result.kcatConsume.append(try kcatConsume())
            } else {
                result.kcatConsume.append(try kcatConsume())
                result.swiftConsume.append(try await consume(brokers: brokers, topic: swiftTopic, messages: messages, logger: logger))
            }
        }
        return result
    }

    /// Creates the topics and waits until the broker lists them, so neither client's first
    /// metadata request meets a topic still being created.
    static func createAndAwait(_ topics: [String], brokers: String, logger: Logger) async throws {
        let admin = try KafkaAdmin(configuration: KafkaConfiguration(brokers: brokers, clientID: "parapet-bench"), logger: logger)
        try await admin.createTopics(topics.map { KafkaTopicSpecification(name: $0, partitions: 6) })
        for _ in 0..<100 {
            let listed = Set(try await admin.listTopics().filter { $0.partitions == 6 }.map(\.name))
            if listed.isSuperset(of: topics) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failed(description: "topics \(topics) did not appear")
    }

    /// Windows of 10,000 messages, four in flight at once, each send awaiting every delivery
    /// report, as concurrent publishers in a service would. Messages are built before the clock
    /// starts: this measures the client, not the benchmark's own loop.
    static func produce(brokers: String, topic: String, keys: [String], payload: String, messages: Int, logger: Logger) async throws -> Double {
        let value = Array(payload.utf8)
        let window = 10_000
        let windows = stride(from: 0, to: messages, by: window).map { first in
            (first..<min(first + window, messages)).map { KafkaOutgoingMessage(topic: topic, key: keys[$0 % keys.count], value: value) }
        }
        // The clock starts before the producer exists: kcat's time includes its own start-up
        // (connecting, the idempotent producer id, metadata), so this one does too.
        let start = ContinuousClock.now
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                KafkaConfiguration(brokers: brokers, clientID: "parapet-bench", properties: producerProperties)),
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, batch) in windows.enumerated() {
                if index >= 4 { try await group.next() }
                group.addTask { try await producer.send(batch) }
            }
            try await group.waitForAll()
        }
        let elapsed = seconds(since: start)
        await producer.close()
        return elapsed
    }

    /// A consumer in a new group, timed from the first message to the last: joining a new group
    /// on Tansu waits half the session timeout by design, which says nothing about the client.
    static func consume(brokers: String, topic: String, messages: Int, logger: Logger) async throws -> Double {
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                KafkaConfiguration(brokers: brokers, clientID: "parapet-bench"), groupID: "bench-\(UUID().uuidString.prefix(8))",
                sessionTimeout: .seconds(6)),
            logger: logger)
        try consumer.subscribe(topics: [topic])
        var received = 0
        var first: ContinuousClock.Instant?
        let deadline = ContinuousClock.now.advanced(by: .seconds(300))
        while received < messages, ContinuousClock.now < deadline {
            let batch = try await consumer.poll(maxMessages: 5000, timeout: .milliseconds(500))
            if first == nil, !batch.isEmpty { first = .now }
            if let last = batch.last { try consumer.markProcessed(last) }
            received += batch.count
        }
        guard received == messages, let first else {
            throw Failed(description: "the Swift consumer received \(received) of \(messages) messages")
        }
        let elapsed = seconds(since: first)
        await consumer.close()
        return elapsed
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        seconds(ContinuousClock.now - start)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Runs a command and returns the seconds from its first byte of output to its last.
    static func timeFromFirstOutput(_ command: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var first: ContinuousClock.Instant?
        var last = ContinuousClock.now
        while true {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            last = .now
            if first == nil { first = last }
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let first else {
            throw Failed(description: "\(command.joined(separator: " ")) exited \(process.terminationStatus) with no output")
        }
        return seconds(last - first)
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
