import CRdKafka
import Logging
import Synchronization

/// What librdkafka's callbacks need to reach from C: found again through `rd_kafka_opaque`.
final class KafkaCallbackContext: Sendable {
    let logger: Logger
    /// Set by consumers to hear of assignments; called on the thread that polls.
    let onRebalance: (@Sendable (RebalanceEvent) -> Void)?

    init(logger: Logger, onRebalance: (@Sendable (RebalanceEvent) -> Void)? = nil) {
        self.logger = logger
        self.onRebalance = onRebalance
    }

    static func from(_ handle: OpaquePointer?) -> KafkaCallbackContext? {
        guard let handle, let raw = rd_kafka_opaque(handle) else { return nil }
        return Unmanaged<KafkaCallbackContext>.fromOpaque(raw).takeUnretainedValue()
    }
}

/// A partition assignment change seen by a consumer.
public enum RebalanceEvent: Sendable, Equatable {
    case assigned([KafkaTopicPartition])
    case revoked([KafkaTopicPartition])
}

/// One `rd_kafka_t`. librdkafka handles are thread-safe (its documentation says every public
/// call may come from any thread), which is why this type is `@unchecked Sendable`; the
/// pointer never leaves the module.
final class KafkaHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    /// Kept alive for as long as librdkafka may call back with it.
    private let context: KafkaCallbackContext

    init(
        kind: rd_kafka_type_t, properties: [String: String], context: KafkaCallbackContext,
        configure: (OpaquePointer) -> Void = { _ in }
    ) throws(KafkaError) {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError(.configuration, "cannot allocate a librdkafka configuration")
        }
        var created = false
        defer { if !created { rd_kafka_conf_destroy(conf) } }
        for (name, value) in properties.sorted(by: { $0.key < $1.key }) {
            var errorText = [CChar](repeating: 0, count: 512)
            let result = rd_kafka_conf_set(conf, name, value, &errorText, errorText.count)
            guard result == RD_KAFKA_CONF_OK else {
                throw KafkaError(.configuration, "Kafka property \(name): \(String(cBuffer: errorText))")
            }
        }
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(context).toOpaque())
        rd_kafka_conf_set_log_cb(conf) { handle, level, facility, text in
            KafkaCallbackContext.from(handle)?.log(level: level, facility: facility, text: text)
        }
        rd_kafka_conf_set_error_cb(conf) { handle, code, reason, _ in
            guard let context = KafkaCallbackContext.from(handle) else { return }
            let reasonText = reason.map { String(cString: $0) } ?? ""
            let error = rd_kafka_resp_err_t(rawValue: code)
            // Transport errors are retried by librdkafka; only a fatal error ends the client.
            let level: Logger.Level = error == RD_KAFKA_RESP_ERR__FATAL ? .critical : .warning
            context.logger.log(
                level: level, "kafka client error",
                metadata: ["kafka.error": "\(KafkaError.describe(error))", "kafka.reason": "\(reasonText)"])
        }
        configure(conf)

        var errorText = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(kind, conf, &errorText, errorText.count) else {
            throw KafkaError(.configuration, "cannot create Kafka client: \(String(cBuffer: errorText))")
        }
        created = true  // rd_kafka_new owns conf from here on
        self.pointer = handle
        self.context = context
    }

    private let destroyed = Atomic<Bool>(false)

    deinit {
        if !destroyed.load(ordering: .relaxed) { rd_kafka_destroy(pointer) }
    }

    /// Destroys a consumer's handle without closing it, as a crash would. The handle is unusable
    /// afterwards; only the owning consumer calls this, once.
    func destroyWithoutClose() {
        guard !destroyed.exchange(true, ordering: .relaxed) else { return }
        rd_kafka_destroy_flags(pointer, Int32(RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE))
    }

    /// The fatal error librdkafka raised, if any.
    func fatalError() -> KafkaError? {
        var text = [CChar](repeating: 0, count: 512)
        let code = rd_kafka_fatal_error(pointer, &text, text.count)
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        return KafkaError(.fatal, code: code.rawValue, "Kafka client failed: \(String(cBuffer: text))")
    }
}

extension KafkaCallbackContext {
    func log(level: Int32, facility: UnsafePointer<CChar>?, text: UnsafePointer<CChar>?) {
        // syslog levels. librdkafka logs at "err" (3) for connection failures it retries on its
        // own, so those are warnings here; what really ends a client comes through error_cb.
        let swiftLevel: Logger.Level =
            switch level {
            case ...2: .error
            case 3: .warning
            case 4: .notice
            case 5, 6: .info
            default: .debug
            }
        logger.log(
            level: swiftLevel, "\(text.map { String(cString: $0) } ?? "")",
            metadata: ["kafka.facility": "\(facility.map { String(cString: $0) } ?? "")"])
    }
}
