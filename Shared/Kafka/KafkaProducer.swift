import CRdKafka
import Dispatch
import Foundation
import Logging
import ParapetBlocking
import Synchronization

/// An idempotent Kafka producer.
///
/// `send` returns once the broker has acknowledged the message (its delivery report arrived)
/// or throws why it was not. Delivery reports are served by a poll loop on a thread of its own,
/// never on Swift's cooperative pool. Call `close()` before dropping the producer so queued
/// messages are flushed.
public final class KafkaProducer: Sendable {
    private let handle: KafkaHandle
    private let logger: Logger
    private let pollLoop = PollLoop()

    public init(configuration: KafkaProducerConfiguration, logger: Logger) throws(KafkaError) {
        self.logger = logger
        self.handle = try KafkaHandle(
            kind: RD_KAFKA_PRODUCER, properties: configuration.properties(),
            context: KafkaCallbackContext(logger: logger)
        ) { conf in
            rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
                guard let message, let ticket = message.pointee._private else { return }
                Unmanaged<DeliveryTicket>.fromOpaque(ticket).takeRetainedValue().complete(message.pointee)
            }
        }
        let handle = self.handle
        let pollLoop = self.pollLoop
        Thread.detachNewThread {
            while pollLoop.running.load(ordering: .relaxed) {
                rd_kafka_poll(handle.pointer, 100)
            }
            pollLoop.done.signal()
        }
    }

    /// Sends one message and waits for the broker's acknowledgement.
    @discardableResult
    public func send(_ message: KafkaOutgoingMessage) async throws(KafkaError) -> KafkaDeliveryReport {
        try await send([message])[0]
    }

    /// Sends messages in order and waits until every one is acknowledged; throws the first
    /// failure once all have settled. Messages with the same key keep their order.
    @discardableResult
    public func send(_ messages: [KafkaOutgoingMessage]) async throws(KafkaError) -> [KafkaDeliveryReport] {
        guard !messages.isEmpty else { return [] }
        guard pollLoop.running.load(ordering: .relaxed) else { throw KafkaError(.closed, "the Kafka producer is closed") }
        let batch = DeliveryBatch(count: messages.count)
        for (index, message) in messages.enumerated() {
            let ticket = DeliveryTicket(batch: batch, index: index, topic: message.topic)
            let opaque = Unmanaged.passRetained(ticket).toOpaque()
            while true {
                let code = enqueue(message, opaque: opaque)
                if code == RD_KAFKA_RESP_ERR_NO_ERROR { break }
                if code == RD_KAFKA_RESP_ERR__QUEUE_FULL {
                    // librdkafka's local queue is full: wait for delivery reports to drain it.
                    try? await Task.sleep(for: .milliseconds(1))
                    continue
                }
                Unmanaged<DeliveryTicket>.fromOpaque(opaque).release()
                batch.settle(index, .failure(KafkaError(.delivery, code, "cannot produce to \(message.topic)")))
                break
            }
        }
        return try await batch.wait().get()
    }

    /// Waits until every queued message is delivered or `timeout` passes.
    public func flush(timeout: Duration = .seconds(10)) async throws(KafkaError) {
        let handle = self.handle
        let code = await Self.flushQueue.run { () -> rd_kafka_resp_err_t in
            rd_kafka_flush(handle.pointer, timeout.timeoutMilliseconds)
        }
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(.delivery, code, "Kafka producer flush did not finish within \(timeout)")
        }
    }

    /// Flushes what is queued and stops the poll loop. Further sends throw.
    public func close(timeout: Duration = .seconds(10)) async {
        do {
            try await flush(timeout: timeout)
        } catch {
            logger.warning("messages left undelivered at close", metadata: ["error": "\(error)"])
        }
        if pollLoop.running.exchange(false, ordering: .relaxed) {
            let handle = self.handle
            let pollLoop = self.pollLoop
            await Self.flushQueue.run {
                pollLoop.done.wait()
                // Whatever is still queued fails now rather than leaving a `send` waiting forever.
                rd_kafka_purge(handle.pointer, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT))
                rd_kafka_poll(handle.pointer, 0)
            }
        }
    }

    deinit {
        // Dropped without close(): stop the poll loop. It holds the handle, so the handle is
        // destroyed on that thread once the loop ends, never here.
        pollLoop.running.store(false, ordering: .relaxed)
    }

    private static let flushQueue = BlockingQueue(label: "parapet.kafka.producer.flush")

    /// Hands one message to librdkafka's queue; copies key, value and headers, so nothing needs
    /// to outlive the call.
    private func enqueue(_ message: KafkaOutgoingMessage, opaque: UnsafeMutableRawPointer) -> rd_kafka_resp_err_t {
        // Topic and header names as NUL-terminated strings in one buffer.
        var names: [UInt8] = Array(message.topic.utf8) + [0]
        var nameOffsets: [Int] = []
        for header in message.headers {
            nameOffsets.append(names.count)
            names += Array(header.name.utf8) + [0]
        }
        let count = 4 + message.headers.count + (message.key == nil ? 0 : 1) + (message.timestamp == nil ? 0 : 1)
        return names.withUnsafeBufferPointer { nameBuffer in
            let base = UnsafeRawPointer(nameBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            return withUnsafeTemporaryAllocation(of: rd_kafka_vu_t.self, capacity: count) { vus in
                var used = 0
                func add(_ build: (inout rd_kafka_vu_t) -> Void) {
                    var vu = rd_kafka_vu_t()
                    build(&vu)
                    vus[used] = vu
                    used += 1
                }
                add { $0.vtype = RD_KAFKA_VTYPE_TOPIC; $0.u.cstr = base }
                add { $0.vtype = RD_KAFKA_VTYPE_MSGFLAGS; $0.u.i = RD_KAFKA_MSG_F_COPY }
                add { $0.vtype = RD_KAFKA_VTYPE_OPAQUE; $0.u.ptr = opaque }
                if let timestamp = message.timestamp {
                    add { $0.vtype = RD_KAFKA_VTYPE_TIMESTAMP; $0.u.i64 = Int64((timestamp.timeIntervalSince1970 * 1000).rounded()) }
                }
                return message.value.withUnsafeBytes { value in
                    add {
                        $0.vtype = RD_KAFKA_VTYPE_VALUE
                        $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress)
                        $0.u.mem.size = value.count
                    }
                    return withHeaderValues(message.headers) { headerValues in
                        for (index, header) in message.headers.enumerated() {
                            add {
                                $0.vtype = RD_KAFKA_VTYPE_HEADER
                                $0.u.header.name = base + nameOffsets[index]
                                $0.u.header.val = headerValues[index]
                                $0.u.header.size = header.value.count
                            }
                        }
                        let produce = { () -> rd_kafka_resp_err_t in
                            guard let error = rd_kafka_produceva(self.handle.pointer, vus.baseAddress, used) else {
                                return RD_KAFKA_RESP_ERR_NO_ERROR
                            }
                            defer { rd_kafka_error_destroy(error) }
                            return rd_kafka_error_code(error)
                        }
                        guard let key = message.key else { return produce() }
                        return key.withUnsafeBytes { keyBytes in
                            add {
                                $0.vtype = RD_KAFKA_VTYPE_KEY
                                $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: keyBytes.baseAddress)
                                $0.u.mem.size = keyBytes.count
                            }
                            return produce()
                        }
                    }
                }
            }
        }
    }
}

/// The delivery-report thread's run flag, and its signal that it has stopped.
final class PollLoop: Sendable {
    let running = Atomic<Bool>(true)
    let done = DispatchSemaphore(value: 0)
}

/// Lends the header values' bytes for the length of `body` (empty values as nil pointers).
private func withHeaderValues<R>(_ headers: [KafkaHeader], _ body: ([UnsafeRawPointer?]) -> R) -> R {
    // Headers are few; concatenating keeps every value alive through one borrow.
    var storage: [UInt8] = []
    var offsets: [Int] = []
    for header in headers {
        offsets.append(storage.count)
        storage += header.value
    }
    return storage.withUnsafeBytes { bytes in
        body(zip(offsets, headers).map { offset, header in
            header.value.isEmpty ? nil : UnsafeRawPointer(bytes.baseAddress! + offset)
        })
    }
}

/// Collects the delivery reports of one `send` call and resumes it when all have arrived.
final class DeliveryBatch: Sendable {
    private struct State {
        var results: [Result<KafkaDeliveryReport, KafkaError>?]
        var pending: Int
        var continuation: CheckedContinuation<Result<[KafkaDeliveryReport], KafkaError>, Never>?
    }

    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(results: Array(repeating: nil, count: count), pending: count))
    }

    func settle(_ index: Int, _ result: Result<KafkaDeliveryReport, KafkaError>) {
        let resume = state.withLock { state -> (CheckedContinuation<Result<[KafkaDeliveryReport], KafkaError>, Never>, Result<[KafkaDeliveryReport], KafkaError>)? in
            state.results[index] = result
            state.pending -= 1
            guard state.pending == 0, let continuation = state.continuation else { return nil }
            state.continuation = nil
            return (continuation, Self.combine(state.results))
        }
        if let (continuation, result) = resume { continuation.resume(returning: result) }
    }

    func wait() async -> Result<[KafkaDeliveryReport], KafkaError> {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Result<[KafkaDeliveryReport], KafkaError>? in
                guard state.pending > 0 else { return Self.combine(state.results) }
                state.continuation = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private static func combine(_ results: [Result<KafkaDeliveryReport, KafkaError>?]) -> Result<[KafkaDeliveryReport], KafkaError> {
        var reports: [KafkaDeliveryReport] = []
        reports.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let report): reports.append(report)
            case .failure(let error): return .failure(error)
            case nil: return .failure(KafkaError(.delivery, "a delivery report is missing"))
            }
        }
        return .success(reports)
    }
}

/// Travels through librdkafka as a message's opaque pointer, back to its batch.
final class DeliveryTicket: Sendable {
    let batch: DeliveryBatch
    let index: Int
    let topic: String

    init(batch: DeliveryBatch, index: Int, topic: String) {
        self.batch = batch
        self.index = index
        self.topic = topic
    }

    func complete(_ message: rd_kafka_message_t) {
        if message.err == RD_KAFKA_RESP_ERR_NO_ERROR {
            batch.settle(index, .success(KafkaDeliveryReport(topic: topic, partition: message.partition, offset: message.offset)))
        } else {
            batch.settle(index, .failure(KafkaError(.delivery, message.err, "message to \(topic) was not delivered")))
        }
    }
}
