import Dispatch

/// A serial queue for blocking C calls (librdkafka, libpq).
///
/// Work submitted here runs on a Dispatch thread, never on Swift's cooperative thread pool, so a
/// call that blocks for seconds (a poll with a timeout, a query on a slow server) cannot starve
/// the tasks that serve HTTP or drive other consumers. Calls run one at a time, in order, which
/// also gives each C handle a single owner.
public final class BlockingQueue: Sendable {
    private let queue: DispatchQueue

    /// Creates a queue; `label` names its thread in debuggers and crash reports.
    public init(label: String) {
        self.queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// Runs `body` on this queue and resumes the caller with its result.
    public func run<Value: Sendable, Failure: Error>(
        _ body: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Result { () throws(Failure) -> Value in try body() })
            }
        }
        return try result.get()
    }

    /// Runs `body` on this queue and waits for it; for use from non-async contexts such as
    /// `deinit` or a C callback thread, never from a Swift task.
    public func runSync<Value>(_ body: () throws -> Value) rethrows -> Value {
        try queue.sync(execute: body)
    }
}
