import CRdKafka
import Dispatch
import Foundation
import Logging
import ParapetBlocking
import Synchronization

/// A member of a Kafka consumer group.
///
/// Messages come in batches from `poll`. Offsets are stored only when the caller says a
/// message is done (`markProcessed`) and committed in the background and at close, so a crash
/// replays what was not finished and skips nothing. Every blocking librdkafka call runs on this
/// consumer's own queue, off Swift's cooperative pool.
public final class KafkaConsumer: Sendable {
    private enum State {
        case created, subscribed, closed
    }

    private let handle: KafkaHandle
    private let queue: BlockingQueue
    private let logger: Logger
    private let state = Mutex(State.created)
    private let assignmentState = AssignmentTracker()
    private let timeFloors = TimeFloors()

    public init(configuration: KafkaConsumerConfiguration, logger: Logger) throws(KafkaError) {
        var logger = logger
        logger[metadataKey: "kafka.group"] = "\(configuration.groupID)"
        self.logger = logger
        self.queue = BlockingQueue(label: "parapet.kafka.consumer.\(configuration.groupID)")
        let tracker = assignmentState
        let floors = timeFloors
        let context = KafkaCallbackContext(logger: logger) { event in
            tracker.apply(event)
            if case .revoked(let partitions) = event { floors.clear(partitions) }
        }
        self.handle = try KafkaHandle(kind: RD_KAFKA_CONSUMER, properties: configuration.properties(), context: context) { conf in
            rd_kafka_conf_set_rebalance_cb(conf) { handle, code, partitions, _ in
                guard let handle else { return }
                KafkaConsumer.rebalance(handle: handle, code: code, partitions: partitions)
            }
        }
        // Serve every event through the consumer queue so one poll call drives them all.
        rd_kafka_poll_set_consumer(handle.pointer)
    }

    deinit {
        guard state.withLock({ $0 }) != .closed else { return }
        // Dropped without close(): leave the group so its partitions move at once. Closing
        // blocks, and the last reference may go on the cooperative pool, so it happens on a
        // Dispatch thread, which also destroys the handle afterwards.
        let handle = self.handle
        DispatchQueue.global().async { rd_kafka_consumer_close(handle.pointer) }
    }

    /// Joins the group for these topics. Partitions are assigned during the following polls.
    public func subscribe(topics: [String]) throws(KafkaError) {
        try state.withLock { state throws(KafkaError) in
            guard state != .closed else { throw KafkaError(.closed, "the Kafka consumer is closed") }
            let list = TopicPartitionList(topics.map { KafkaTopicPartition(topic: $0, partition: -1) })
            let code = rd_kafka_subscribe(handle.pointer, list.pointer)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw KafkaError(.consumer, code, "cannot subscribe to \(topics.joined(separator: ","))")
            }
            state = .subscribed
        }
    }

    /// Waits up to `timeout` for a first message, then takes whatever else is already fetched,
    /// up to `maxMessages`. Returns an empty batch when nothing came.
    public func poll(maxMessages: Int = 500, timeout: Duration = .milliseconds(500)) async throws(KafkaError) -> [KafkaMessage] {
        guard state.withLock({ $0 }) != .closed else { throw KafkaError(.closed, "the Kafka consumer is closed") }
        let handle = self.handle
        let logger = self.logger
        let timeFloors = self.timeFloors
        return try await queue.run { () throws(KafkaError) -> [KafkaMessage] in
            var batch: [KafkaMessage] = []
            var wait = timeout.timeoutMilliseconds
            while batch.count < maxMessages {
                guard let raw = rd_kafka_consumer_poll(handle.pointer, wait) else { break }
                defer { rd_kafka_message_destroy(raw) }
                wait = 0
                let message = raw.pointee
                if message.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                    if let fatal = handle.fatalError() { throw fatal }
                    // Consumer errors (a broker went away, a topic is missing) are retried by
                    // librdkafka; they are reported, not thrown.
                    logger.warning("kafka consumer error", metadata: ["kafka.error": "\(KafkaError.describe(message.err))"])
                    continue
                }
                let consumed = KafkaMessage(raw)
                if timeFloors.admits(consumed) { batch.append(consumed) }
            }
            return batch
        }
    }

    /// Marks `message` as done: its offset is committed with the next commit, so after a restart
    /// the group resumes after it. Call only once its effects are durable.
    public func markProcessed(_ message: KafkaMessage) throws(KafkaError) {
        try markProcessed(through: [KafkaTopicPartition(topic: message.topic, partition: message.partition, offset: message.offset)])
    }

    /// Marks `messages` done: per partition, everything up to the highest offset among them.
    public func markProcessed(all messages: [KafkaMessage]) throws(KafkaError) {
        var positions: [String: KafkaTopicPartition] = [:]
        for message in messages {
            let key = "\(message.topic)\u{0}\(message.partition)"
            if let known = positions[key], known.offset >= message.offset { continue }
            positions[key] = KafkaTopicPartition(topic: message.topic, partition: message.partition, offset: message.offset)
        }
        try markProcessed(through: Array(positions.values))
    }

    /// Marks every message up to and including each given offset as done.
    public func markProcessed(through positions: [KafkaTopicPartition]) throws(KafkaError) {
        guard !positions.isEmpty else { return }
        // The committed offset is the next one to read.
        let list = TopicPartitionList(positions.map { KafkaTopicPartition(topic: $0.topic, partition: $0.partition, offset: $0.offset + 1) })
        let code = rd_kafka_offsets_store(handle.pointer, list.pointer)
        if let error = list.firstError(context: "cannot store offset for") { throw error }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(.consumer, code, "cannot store offsets") }
    }

    /// Commits the stored offsets now and waits for the broker's answer.
    public func commit() async throws(KafkaError) {
        let handle = self.handle
        let code = await queue.run { rd_kafka_commit(handle.pointer, nil, 0) }
        // No stored offset since the last commit is not a failure.
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR__NO_OFFSET else {
            throw KafkaError(.consumer, code, "cannot commit offsets")
        }
    }

    /// The partitions this consumer currently owns.
    public var assignment: Set<KafkaTopicPartition> { assignmentState.current }

    /// Moves the read position of assigned partitions, e.g. for a replay from a known offset.
    public func seek(to positions: [KafkaTopicPartition], timeout: Duration = .seconds(10)) async throws(KafkaError) {
        timeFloors.clear(positions)
        try await move(to: positions, timeout: timeout)
    }

    private func move(to positions: [KafkaTopicPartition], timeout: Duration) async throws(KafkaError) {
        let handle = self.handle
        try await queue.run { () throws(KafkaError) in
            let list = TopicPartitionList(positions)
            if let error = rd_kafka_seek_partitions(handle.pointer, list.pointer, timeout.timeoutMilliseconds) {
                defer { rd_kafka_error_destroy(error) }
                throw KafkaError(.consumer, rd_kafka_error_code(error), "cannot seek \(positions.map(\.description).joined(separator: ","))")
            }
            if let error = list.firstError(context: "cannot seek") { throw error }
        }
    }

    /// Moves every assigned partition of `topic` to the first message at or after `date`
    /// (to the end where there is none); returns the positions the broker gave.
    ///
    /// Brokers may answer the time lookup coarsely (Tansu answers with the earliest offset;
    /// others with the start of a record batch), so until each partition yields its first
    /// message at or after `date`, earlier messages there are skipped: the result is Kafka's
    /// meaning of the seek whatever the broker's precision.
    @discardableResult
    public func seek(topic: String, to date: Date, timeout: Duration = .seconds(10)) async throws(KafkaError) -> [KafkaTopicPartition] {
        let owned = assignment.filter { $0.topic == topic }
        guard !owned.isEmpty else { throw KafkaError(.consumer, "cannot seek \(topic) by time: no partition of it is assigned") }
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let handle = self.handle
        let positions = try await queue.run { () throws(KafkaError) -> [KafkaTopicPartition] in
            let list = TopicPartitionList(owned.sorted { $0.partition < $1.partition }, timestampMilliseconds: milliseconds)
            let code = rd_kafka_offsets_for_times(handle.pointer, list.pointer, timeout.timeoutMilliseconds)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(.consumer, code, "cannot look up \(topic) offsets for \(date)") }
            if let error = list.firstError(context: "cannot look up offset by time for") { throw error }
            return list.elements
        }
        timeFloors.set(positions, milliseconds: milliseconds)
        try await move(to: positions, timeout: timeout)
        return positions
    }

    /// Commits stored offsets and leaves the group, so its partitions move to other members at
    /// once. The consumer cannot be used afterwards.
    public func close() async {
        guard
            state.withLock({ state in
                defer { state = .closed }
                return state != .closed
            })
        else { return }
        let handle = self.handle
        let code = await queue.run { rd_kafka_consumer_close(handle.pointer) }
        if code != RD_KAFKA_RESP_ERR_NO_ERROR {
            logger.warning("kafka consumer did not close cleanly", metadata: ["kafka.error": "\(KafkaError.describe(code))"])
        }
    }

    /// Drops the consumer the way a killed process would: no final commit, no leave-group, so
    /// the group notices only when the session times out. For crash tests.
    func simulateCrash() {
        guard
            state.withLock({ state in
                defer { state = .closed }
                return state != .closed
            })
        else { return }
        handle.destroyWithoutClose()
    }

    /// Runs on the polling thread during a rebalance.
    private static func rebalance(
        handle: OpaquePointer, code: rd_kafka_resp_err_t, partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) {
        let context = KafkaCallbackContext.from(handle)
        let changed = TopicPartitionList.read(partitions)
        let cooperative = String(cString: rd_kafka_rebalance_protocol(handle)) == "COOPERATIVE"
        switch code {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            context?.logger.info("partitions assigned", metadata: ["kafka.partitions": "\(changed.map { "\($0.topic)[\($0.partition)]" })"])
            if cooperative {
                if let error = rd_kafka_incremental_assign(handle, partitions) { rd_kafka_error_destroy(error) }
            } else {
                rd_kafka_assign(handle, partitions)
            }
            context?.onRebalance?(.assigned(changed))
        default:
            context?.logger.info("partitions revoked", metadata: ["kafka.partitions": "\(changed.map { "\($0.topic)[\($0.partition)]" })"])
            // Commit what is done before another member takes over, so it does not redo it.
            rd_kafka_commit(handle, nil, 0)
            context?.onRebalance?(.revoked(changed))
            if cooperative {
                if let error = rd_kafka_incremental_unassign(handle, partitions) { rd_kafka_error_destroy(error) }
            } else {
                rd_kafka_assign(handle, nil)
            }
        }
    }
}

extension KafkaMessage {
    /// Copies a message out of librdkafka's memory.
    init(_ raw: UnsafeMutablePointer<rd_kafka_message_t>) {
        let message = raw.pointee
        let topic = String(cString: rd_kafka_topic_name(message.rkt))
        let key = message.key.map { Array(UnsafeRawBufferPointer(start: $0, count: message.key_len)) }
        let value = message.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: message.len)) } ?? []
        var headers: [KafkaHeader] = []
        var headerList: OpaquePointer?
        if rd_kafka_message_headers(raw, &headerList) == RD_KAFKA_RESP_ERR_NO_ERROR, let headerList {
            var index = 0
            var name: UnsafePointer<CChar>?
            var bytes: UnsafeRawPointer?
            var size = 0
            while rd_kafka_header_get_all(headerList, index, &name, &bytes, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
                let headerValue = bytes.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
                headers.append(KafkaHeader(name: name.map { String(cString: $0) } ?? "", value: headerValue))
                index += 1
            }
        }
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let milliseconds = rd_kafka_message_timestamp(raw, &timestampType)
        let timestamp = milliseconds >= 0 ? Date(timeIntervalSince1970: Double(milliseconds) / 1000) : nil
        self.init(topic: topic, partition: message.partition, offset: message.offset, key: key, value: value, headers: headers, timestamp: timestamp)
    }
}

/// The partitions a consumer owns, kept up to date from its rebalance callback.
final class AssignmentTracker: Sendable {
    private let partitions = Mutex<Set<KafkaTopicPartition>>([])

    var current: Set<KafkaTopicPartition> { partitions.withLock { $0 } }

    @Sendable func apply(_ event: RebalanceEvent) {
        partitions.withLock { current in
            switch event {
            case .assigned(let changed): current.formUnion(changed.map(Self.withoutOffset))
            case .revoked(let changed): current.subtract(changed.map(Self.withoutOffset))
            }
        }
    }

    private static func withoutOffset(_ partition: KafkaTopicPartition) -> KafkaTopicPartition {
        KafkaTopicPartition(topic: partition.topic, partition: partition.partition)
    }
}

/// Per partition, the time before which messages are skipped after a seek by time, until the
/// first message at or after it arrives.
final class TimeFloors: Sendable {
    private let floors = Mutex<[KafkaTopicPartition: Int64]>([:])

    /// Sets the floor of each of `partitions` to `milliseconds` since 1970.
    func set(_ partitions: [KafkaTopicPartition], milliseconds: Int64) {
        floors.withLock { floors in
            for partition in partitions {
                floors[KafkaTopicPartition(topic: partition.topic, partition: partition.partition)] = milliseconds
            }
        }
    }

    func clear(_ partitions: [KafkaTopicPartition]) {
        floors.withLock { floors in
            for partition in partitions { floors[KafkaTopicPartition(topic: partition.topic, partition: partition.partition)] = nil }
        }
    }

    /// Whether to hand `message` to the caller; the first message at or after a floor lifts it.
    func admits(_ message: KafkaMessage) -> Bool {
        floors.withLock { floors in
            let key = KafkaTopicPartition(topic: message.topic, partition: message.partition)
            guard let floor = floors[key] else { return true }
            guard let timestamp = message.timestamp, Int64((timestamp.timeIntervalSince1970 * 1000).rounded()) < floor else {
                floors[key] = nil
                return true
            }
            return false
        }
    }
}
