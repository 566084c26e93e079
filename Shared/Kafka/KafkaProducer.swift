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
                DeliveryBatch.settle(ticket: ticket, message.pointee)
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
        let batch = DeliveryBatch(topics: messages.map(\.topic))
        for (index, message) in messages.enumerated() {
            while true {
                let code = enqueue(message, opaque: batch.ticket(index))
                if code == RD_KAFKA_RESP_ERR_NO_ERROR { break }
                if code == RD_KAFKA_RESP_ERR__QUEUE_FULL {
                    // librdkafka's local queue is full: wait for delivery reports to drain it.
                    try? await Task.sleep(for: .milliseconds(1))
                    continue
                }
                batch.settle(index, partition: -1, offset: -1, code: code.rawValue)
                break
            }
        }
        // The batch lives at least until here, after its last delivery report.
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

    /// Hands one message to librdkafka's queue; librdkafka copies topic, key, value and headers,
    /// so nothing needs to outlive the call.
    private func enqueue(_ message: KafkaOutgoingMessage, opaque: UnsafeMutableRawPointer) -> rd_kafka_resp_err_t {
        message.topic.withCString { topic in
            message.value.withUnsafeBytes { value in
                withOptionalBytes(message.key) { key in
                    withHeaderFields(message.headers) { headers in
                        withUnsafeTemporaryAllocation(of: rd_kafka_vu_t.self, capacity: 6 + headers.count) { vus in
                            var used = 0
                            func add(_ build: (inout rd_kafka_vu_t) -> Void) {
                                var vu = rd_kafka_vu_t()
                                build(&vu)
                                vus[used] = vu
                                used += 1
                            }
                            add {
                                $0.vtype = RD_KAFKA_VTYPE_TOPIC; $0.u.cstr = topic
                            }
                            add {
                                $0.vtype = RD_KAFKA_VTYPE_MSGFLAGS; $0.u.i = RD_KAFKA_MSG_F_COPY
                            }
                            add {
                                $0.vtype = RD_KAFKA_VTYPE_OPAQUE; $0.u.ptr = opaque
                            }
                            add {
                                $0.vtype = RD_KAFKA_VTYPE_VALUE
                                $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress)
                                $0.u.mem.size = value.count
                            }
                            if let key {
                                add {
                                    $0.vtype = RD_KAFKA_VTYPE_KEY
                                    $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: key.baseAddress)
                                    $0.u.mem.size = key.count
                                }
                            }
                            if let timestamp = message.timestamp {
                                add {
                                    $0.vtype = RD_KAFKA_VTYPE_TIMESTAMP; $0.u.i64 = Int64((timestamp.timeIntervalSince1970 * 1000).rounded())
                                }
                            }
                            for header in headers {
                                add {
                                    $0.vtype = RD_KAFKA_VTYPE_HEADER
                                    $0.u.header.name = header.name
                                    $0.u.header.val = header.value
                                    $0.u.header.size = header.size
                                }
                            }
                            guard let error = rd_kafka_produceva(handle.pointer, vus.baseAddress, used) else {
                                return RD_KAFKA_RESP_ERR_NO_ERROR
                            }
                            defer { rd_kafka_error_destroy(error) }
                            return rd_kafka_error_code(error)
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

/// Lends `bytes` for the length of `body`, or nil when there are none.
private func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
    guard let bytes else { return body(nil) }
    return bytes.withUnsafeBytes { body($0) }
}

/// A header as librdkafka takes it: a NUL-terminated name and a value.
private struct HeaderField {
    var name: UnsafePointer<CChar>
    var value: UnsafeRawPointer?
    var size: Int
}

/// Lends every header's name and value for the length of `body`; no allocation when there are
/// no headers.
private func withHeaderFields<R>(_ headers: [KafkaHeader], _ body: ([HeaderField]) -> R) -> R {
    guard !headers.isEmpty else { return body([]) }
    // One buffer holds every name (NUL-terminated) and value, so one borrow covers them all.
    var storage: [UInt8] = []
    var offsets: [(name: Int, value: Int)] = []
    for header in headers {
        let name = storage.count
        storage += header.name.utf8
        storage.append(0)
        offsets.append((name, storage.count))
        storage += header.value
    }
    return storage.withUnsafeBytes { bytes in
        let base = bytes.baseAddress!
        return body(
            zip(offsets, headers).map { offset, header in
                HeaderField(
                    name: (base + offset.name).assumingMemoryBound(to: CChar.self),
                    value: header.value.isEmpty ? nil : base + offset.value, size: header.value.count)
            })
    }
}

/// Collects the delivery reports of one `send` call and resumes it when all have arrived.
///
/// Each message's opaque pointer is its slot here, so no object is allocated per message. A slot's
/// outcome is written once, by whichever thread settles it, before `pending` is decremented; the
/// outcomes are read only after `pending` reaches zero. That ordering is why this type may be
/// `@unchecked Sendable`.
final class DeliveryBatch: @unchecked Sendable {
    private struct Slot {
        var batch: Unmanaged<DeliveryBatch>
        var index: Int
    }

    private struct Outcome {
        var partition: Int32 = -1
        var offset: Int64 = -1
        var code: Int32 = 0
    }

    private enum Waiter {
        case none
        case waiting(CheckedContinuation<Result<[KafkaDeliveryReport], KafkaError>, Never>)
    }

    private let topics: [String]
    private let slots: UnsafeMutablePointer<Slot>
    private let outcomes: UnsafeMutablePointer<Outcome>
    private let pending: Atomic<Int>
    private let waiter = Mutex(Waiter.none)

    init(topics: [String]) {
        self.topics = topics
        pending = Atomic(topics.count)
        slots = .allocate(capacity: topics.count)
        outcomes = .allocate(capacity: topics.count)
        outcomes.initialize(repeating: Outcome(), count: topics.count)
        let unmanaged = Unmanaged.passUnretained(self)
        for index in 0..<topics.count { (slots + index).initialize(to: Slot(batch: unmanaged, index: index)) }
    }

    deinit {
        slots.deinitialize(count: topics.count)
        slots.deallocate()
        outcomes.deinitialize(count: topics.count)
        outcomes.deallocate()
    }

    /// The opaque pointer that travels with message `index` through librdkafka.
    func ticket(_ index: Int) -> UnsafeMutableRawPointer { UnsafeMutableRawPointer(slots + index) }

    /// Called from the delivery-report callback with a message's opaque pointer.
    static func settle(ticket: UnsafeMutableRawPointer, _ message: rd_kafka_message_t) {
        let slot = ticket.assumingMemoryBound(to: Slot.self).pointee
        // A strong reference for the length of this call: settling the last message may let
        // `send` return and drop its own.
        let batch = slot.batch.takeUnretainedValue()
        batch.settle(slot.index, partition: message.partition, offset: message.offset, code: message.err.rawValue)
    }

    func settle(_ index: Int, partition: Int32, offset: Int64, code: Int32) {
        outcomes[index] = Outcome(partition: partition, offset: offset, code: code)
        guard pending.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 else { return }
        let continuation = waiter.withLock { waiter -> CheckedContinuation<Result<[KafkaDeliveryReport], KafkaError>, Never>? in
            guard case .waiting(let continuation) = waiter else { return nil }
            waiter = .none
            return continuation
        }
        continuation?.resume(returning: combine())
    }

    func wait() async -> Result<[KafkaDeliveryReport], KafkaError> {
        await withCheckedContinuation { continuation in
            let settled = waiter.withLock { waiter in
                guard pending.load(ordering: .acquiring) > 0 else { return true }
                waiter = .waiting(continuation)
                return false
            }
            if settled { continuation.resume(returning: combine()) }
        }
    }

    private func combine() -> Result<[KafkaDeliveryReport], KafkaError> {
        var reports: [KafkaDeliveryReport] = []
        reports.reserveCapacity(topics.count)
        for index in 0..<topics.count {
            let outcome = outcomes[index]
            guard outcome.code == RD_KAFKA_RESP_ERR_NO_ERROR.rawValue else {
                return .failure(KafkaError(.delivery, rd_kafka_resp_err_t(rawValue: outcome.code), "message to \(topics[index]) was not delivered"))
            }
            reports.append(KafkaDeliveryReport(topic: topics[index], partition: outcome.partition, offset: outcome.offset))
        }
        return .success(reports)
    }
}
