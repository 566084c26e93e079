import CRdKafka
import Logging
import ParapetBlocking

/// A topic to create.
public struct KafkaTopicSpecification: Sendable, Hashable {
    public var name: String
    public var partitions: Int32
    /// -1 lets the broker choose its default.
    public var replicationFactor: Int32
    public var settings: [String: String]

    public init(name: String, partitions: Int32, replicationFactor: Int32 = -1, settings: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.settings = settings
    }
}

/// A topic as the cluster describes it.
public struct KafkaTopicDescription: Sendable, Hashable {
    public var name: String
    public var partitions: Int32
}

/// How far a consumer group is behind on one partition.
public struct KafkaPartitionLag: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    /// The group's committed offset, or nil when it has committed none.
    public var committed: Int64?
    /// The offset the next produced message will get.
    public var highWatermark: Int64
    /// Messages not yet committed by the group.
    public var lag: Int64 { highWatermark - max(committed ?? 0, 0) }
}

/// Cluster administration: topics, metadata, and a group's offsets and lag.
public final class KafkaAdmin: Sendable {
    private let configuration: KafkaConfiguration
    private let handle: KafkaHandle
    private let queue = BlockingQueue(label: "parapet.kafka.admin")
    private let logger: Logger

    public init(configuration: KafkaConfiguration, logger: Logger) throws(KafkaError) {
        self.configuration = configuration
        self.logger = logger
        var properties = configuration.baseProperties()
        properties.merge(configuration.properties) { _, override in override }
        self.handle = try KafkaHandle(kind: RD_KAFKA_PRODUCER, properties: properties, context: KafkaCallbackContext(logger: logger))
    }

    /// Lists the cluster's topics. Doubles as a connectivity check: when no broker answers within
    /// `timeout` the error says which brokers could not be reached.
    public func listTopics(timeout: Duration? = nil) async throws(KafkaError) -> [KafkaTopicDescription] {
        let handle = self.handle
        let timeout = timeout ?? configuration.connectTimeout
        let brokers = configuration.brokers
        return try await queue.run { () throws(KafkaError) -> [KafkaTopicDescription] in
            var metadata: UnsafePointer<rd_kafka_metadata>?
            let code = rd_kafka_metadata(handle.pointer, 1, nil, &metadata, timeout.timeoutMilliseconds)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
                throw KafkaError(
                    .unreachable, code: code.rawValue, "cannot reach Kafka at \(brokers) within \(timeout): \(KafkaError.describe(code))")
            }
            defer { rd_kafka_metadata_destroy(metadata) }
            let topics = metadata.pointee
            return (0..<Int(topics.topic_cnt)).map { index in
                let topic = topics.topics[index]
                return KafkaTopicDescription(name: String(cString: topic.topic), partitions: topic.partition_cnt)
            }.sorted { $0.name < $1.name }
        }
    }

    /// Creates topics; topics that already exist are left as they are, so this is idempotent.
    public func createTopics(_ topics: [KafkaTopicSpecification], timeout: Duration = .seconds(30)) async throws(KafkaError) {
        guard !topics.isEmpty else { return }
        let handle = self.handle
        let created = try await queue.run { () throws(KafkaError) -> [String] in
            var errorText = [CChar](repeating: 0, count: 512)
            var newTopics: [OpaquePointer?] = []
            defer { newTopics.forEach { rd_kafka_NewTopic_destroy($0) } }
            for topic in topics {
                guard let newTopic = rd_kafka_NewTopic_new(topic.name, topic.partitions, topic.replicationFactor, &errorText, errorText.count) else {
                    throw KafkaError(.admin, "invalid topic \(topic.name): \(String(cBuffer: errorText))")
                }
                newTopics.append(newTopic)
                for (name, value) in topic.settings.sorted(by: { $0.key < $1.key }) {
                    let code = rd_kafka_NewTopic_set_config(newTopic, name, value)
                    guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(.admin, code, "topic \(topic.name) setting \(name)") }
                }
            }
            let resultQueue = rd_kafka_queue_new(handle.pointer)
            defer { rd_kafka_queue_destroy(resultQueue) }
            let options = rd_kafka_AdminOptions_new(handle.pointer, RD_KAFKA_ADMIN_OP_CREATETOPICS)
            defer { rd_kafka_AdminOptions_destroy(options) }
            rd_kafka_AdminOptions_set_request_timeout(options, timeout.timeoutMilliseconds, &errorText, errorText.count)
            newTopics.withUnsafeMutableBufferPointer { buffer in
                rd_kafka_CreateTopics(handle.pointer, buffer.baseAddress, buffer.count, options, resultQueue)
            }
            guard let event = rd_kafka_queue_poll(resultQueue, timeout.timeoutMilliseconds + 1000) else {
                throw KafkaError(.admin, "creating topics timed out after \(timeout)")
            }
            defer { rd_kafka_event_destroy(event) }
            let code = rd_kafka_event_error(event)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw KafkaError(.admin, code: code.rawValue, "cannot create topics: \(String(cString: rd_kafka_event_error_string(event)))")
            }
            var count = 0
            guard let results = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count) else { return [] }
            var made: [String] = []
            for index in 0..<count {
                let result = results[index]
                let name = String(cString: rd_kafka_topic_result_name(result))
                let topicCode = rd_kafka_topic_result_error(result)
                if topicCode == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS { continue }
                guard topicCode == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    let reason = rd_kafka_topic_result_error_string(result).map { String(cString: $0) } ?? KafkaError.describe(topicCode)
                    throw KafkaError(.admin, code: topicCode.rawValue, "cannot create topic \(name): \(reason)")
                }
                made.append(name)
            }
            return made
        }
        if !created.isEmpty { logger.info("topics created", metadata: ["kafka.topics": "\(created)"]) }
    }

    /// The group's committed offset, the high watermark and the lag for every partition of
    /// `topics`. Reads offsets without joining the group, so it never disturbs its members.
    public func lag(group: String, topics: [String], timeout: Duration = .seconds(10)) async throws(KafkaError) -> [KafkaPartitionLag] {
        let described = try await listTopics(timeout: timeout).filter { topics.contains($0.name) }
        let missing = Set(topics).subtracting(described.map(\.name))
        guard missing.isEmpty else { throw KafkaError(.admin, "no such topic: \(missing.sorted().joined(separator: ", "))") }
        var properties = configuration.baseProperties()
        properties["group.id"] = group
        properties.merge(configuration.properties) { _, override in override }
        let reader = try KafkaHandle(kind: RD_KAFKA_CONSUMER, properties: properties, context: KafkaCallbackContext(logger: logger))
        return try await queue.run { () throws(KafkaError) -> [KafkaPartitionLag] in
            let list = TopicPartitionList(
                described.flatMap { topic in
                    (0..<topic.partitions).map { KafkaTopicPartition(topic: topic.name, partition: $0) }
                })
            let code = rd_kafka_committed(reader.pointer, list.pointer, timeout.timeoutMilliseconds)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(.admin, code, "cannot read offsets of group \(group)") }
            var lags: [KafkaPartitionLag] = []
            for position in list.elements {
                var low: Int64 = 0
                var high: Int64 = 0
                let watermarkCode = rd_kafka_query_watermark_offsets(
                    reader.pointer, position.topic, position.partition, &low, &high, timeout.timeoutMilliseconds)
                guard watermarkCode == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    throw KafkaError(.admin, watermarkCode, "cannot read the end of \(position.topic)[\(position.partition)]")
                }
                lags.append(
                    KafkaPartitionLag(
                        topic: position.topic, partition: position.partition, committed: position.offset >= 0 ? position.offset : nil,
                        highWatermark: high))
            }
            rd_kafka_consumer_close(reader.pointer)
            return lags
        }
    }
}
