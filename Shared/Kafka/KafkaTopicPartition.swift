import CRdKafka

/// A partition of a topic, and an offset in it where one is meant.
public struct KafkaTopicPartition: Sendable, Hashable, CustomStringConvertible {
    public var topic: String
    public var partition: Int32
    /// An offset in the partition, or a negative librdkafka logical offset where none is known.
    /// Never a time: a lookup by time goes through ``TopicPartitionList/init(_:timestampMilliseconds:)``.
    public var offset: Int64

    public init(topic: String, partition: Int32, offset: Int64 = -1001) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }

    public var description: String { "\(topic)[\(partition)]@\(offset)" }
}

/// An owned `rd_kafka_topic_partition_list_t`, destroyed with this value's last use.
final class TopicPartitionList {
    let pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

    init(_ partitions: [KafkaTopicPartition]) {
        pointer = rd_kafka_topic_partition_list_new(Int32(max(partitions.count, 1)))
        for partition in partitions {
            let element = rd_kafka_topic_partition_list_add(pointer, partition.topic, partition.partition)
            element?.pointee.offset = partition.offset
        }
    }

    /// A list for `rd_kafka_offsets_for_times`, which reads each element's offset field as a
    /// time in milliseconds since 1970 (librdkafka's convention, kept inside this wrapper).
    init(_ partitions: [KafkaTopicPartition], timestampMilliseconds: Int64) {
        pointer = rd_kafka_topic_partition_list_new(Int32(max(partitions.count, 1)))
        for partition in partitions {
            let element = rd_kafka_topic_partition_list_add(pointer, partition.topic, partition.partition)
            element?.pointee.offset = timestampMilliseconds
        }
    }

    /// Takes ownership of a list librdkafka handed out.
    init(owning pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        self.pointer = pointer
    }

    deinit {
        rd_kafka_topic_partition_list_destroy(pointer)
    }

    var elements: [KafkaTopicPartition] { Self.read(pointer) }

    /// The first per-partition error in the list, if any.
    func firstError(context: String) -> KafkaError? {
        let list = pointer.pointee
        for index in 0..<Int(list.cnt) where list.elems[index].err != RD_KAFKA_RESP_ERR_NO_ERROR {
            let element = list.elems[index]
            return KafkaError(.consumer, element.err, "\(context) \(String(cString: element.topic))[\(element.partition)]")
        }
        return nil
    }

    static func read(_ pointer: UnsafePointer<rd_kafka_topic_partition_list_t>?) -> [KafkaTopicPartition] {
        guard let list = pointer?.pointee, list.cnt > 0 else { return [] }
        return (0..<Int(list.cnt)).map { index in
            let element = list.elems[index]
            return KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition, offset: element.offset)
        }
    }
}
