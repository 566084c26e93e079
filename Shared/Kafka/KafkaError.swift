import CRdKafka

/// An error from the Kafka client, with the librdkafka code and the operation that failed.
public struct KafkaError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of operation failed; callers branch on this, not on message text.
    public enum Kind: String, Sendable {
        /// A configuration property was rejected, or the client could not be created.
        case configuration
        /// No broker answered within the timeout.
        case unreachable
        /// A message was not acknowledged by the broker.
        case delivery
        /// An admin request (create topics, metadata, offsets) failed.
        case admin
        /// Polling, storing offsets, committing or seeking failed.
        case consumer
        /// The client was used after `close()`.
        case closed
        /// librdkafka raised a fatal error; the client must be recreated.
        case fatal
    }

    public var kind: Kind
    /// The librdkafka error code (`rd_kafka_resp_err_t`), 0 when not from librdkafka.
    public var code: Int32
    /// One line saying what failed and why.
    public var message: String

    public var description: String { message }

    public init(_ kind: Kind, code: Int32 = 0, _ message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    /// An error for `code`, prefixed by what was being done.
    init(_ kind: Kind, _ code: rd_kafka_resp_err_t, _ context: String) {
        self.init(kind, code: code.rawValue, "\(context): \(Self.describe(code))")
    }

    static func describe(_ code: rd_kafka_resp_err_t) -> String {
        String(cString: rd_kafka_err2str(code))
    }

    /// Whether this is the broker's "topic already exists" answer.
    public var isTopicAlreadyExists: Bool { code == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS.rawValue }
}

extension String {
    /// Text librdkafka wrote into a fixed-size error buffer, up to its terminating NUL.
    init(cBuffer: [CChar]) {
        self.init(decoding: cBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
