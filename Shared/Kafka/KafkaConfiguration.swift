/// Settings shared by every Kafka client Parapet creates.
public struct KafkaConfiguration: Sendable {
    /// `host:port[,host:port...]` of the bootstrap brokers.
    public var brokers: String
    /// Names this client in broker logs and metrics.
    public var clientID: String
    /// How long to wait for a broker before calling it unreachable.
    public var connectTimeout: Duration
    /// Extra librdkafka properties (CONFIGURATION.md names), applied last so they win.
    public var properties: [String: String]

    public init(
        brokers: String, clientID: String = "parapet", connectTimeout: Duration = .seconds(10),
        properties: [String: String] = [:]
    ) {
        self.brokers = brokers
        self.clientID = clientID
        self.connectTimeout = connectTimeout
        self.properties = properties
    }

    func baseProperties() -> [String: String] {
        [
            "bootstrap.servers": brokers,
            "client.id": clientID,
            "socket.connection.setup.timeout.ms": String(connectTimeout.milliseconds),
        ]
    }
}

/// Settings of a producer.
public struct KafkaProducerConfiguration: Sendable {
    public var common: KafkaConfiguration
    /// How long librdkafka keeps retrying a message before `send` throws.
    public var deliveryTimeout: Duration
    /// How long to wait for more messages to fill a batch.
    public var linger: Duration

    public init(_ common: KafkaConfiguration, deliveryTimeout: Duration = .seconds(30), linger: Duration = .milliseconds(5)) {
        self.common = common
        self.deliveryTimeout = deliveryTimeout
        self.linger = linger
    }

    func properties() -> [String: String] {
        var result = common.baseProperties()
        // Idempotence keeps per-partition order and drops the broker-side duplicates that
        // retries would otherwise create; it implies acks=all.
        result["enable.idempotence"] = "true"
        result["message.timeout.ms"] = String(deliveryTimeout.milliseconds)
        result["linger.ms"] = String(linger.milliseconds)
        result.merge(common.properties) { _, override in override }
        return result
    }
}

/// Settings of a consumer in a consumer group.
public struct KafkaConsumerConfiguration: Sendable {
    /// Where a group with no committed offset starts reading.
    public enum OffsetReset: String, Sendable {
        case earliest, latest
    }

    public var common: KafkaConfiguration
    /// The consumer group: copies of one service share a group and split the partitions.
    public var groupID: String
    /// How long the group waits for a silent member before moving its partitions.
    public var sessionTimeout: Duration
    public var offsetReset: OffsetReset
    /// How often stored offsets are committed in the background.
    public var commitInterval: Duration
    /// The longest a fetch waits at the broker for new messages (`fetch.wait.max.ms`). Every hop
    /// of the pipeline can cost up to this when a topic is quiet, so it bounds alert latency.
    public var fetchWait: Duration

    public init(
        _ common: KafkaConfiguration, groupID: String, sessionTimeout: Duration = .seconds(45),
        offsetReset: OffsetReset = .earliest, commitInterval: Duration = .seconds(1), fetchWait: Duration = .milliseconds(50)
    ) {
        self.common = common
        self.groupID = groupID
        self.sessionTimeout = sessionTimeout
        self.offsetReset = offsetReset
        self.commitInterval = commitInterval
        self.fetchWait = fetchWait
    }

    func properties() -> [String: String] {
        var result = common.baseProperties()
        result["group.id"] = groupID
        result["session.timeout.ms"] = String(sessionTimeout.milliseconds)
        // Heartbeats must come well inside the session timeout.
        result["heartbeat.interval.ms"] = String(max(sessionTimeout.milliseconds / 3, 100))
        result["auto.offset.reset"] = offsetReset.rawValue
        // Offsets are stored only when the caller says a message is done, then committed in the
        // background: at-least-once delivery with no message skipped by a crash.
        result["enable.auto.offset.store"] = "false"
        result["enable.auto.commit"] = "true"
        result["auto.commit.interval.ms"] = String(commitInterval.milliseconds)
        result["enable.partition.eof"] = "false"
        result["fetch.wait.max.ms"] = String(fetchWait.milliseconds)
        result.merge(common.properties) { _, override in override }
        return result
    }
}

extension Duration {
    /// Whole milliseconds, as librdkafka takes them.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    var timeoutMilliseconds: Int32 { Int32(clamping: milliseconds) }
}
