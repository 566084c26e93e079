import ParapetKafka
import ParapetRuntime

/// Flushes and closes a producer once a graceful shutdown begins, so nothing queued is lost.
public struct ProducerCloser: Service {
    public let producer: KafkaProducer

    public init(producer: KafkaProducer) {
        self.producer = producer
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await producer.close()
    }
}
