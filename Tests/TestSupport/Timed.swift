import Dispatch

/// Runs `body` on a thread of its own and returns its value and how long it took.
///
/// Every suite runs at once, and at the start of a run CPU-bound tests (fuzzing, YAML loading)
/// keep the two threads of Swift's shared cooperative pool busy for a minute or more on a
/// loaded two-core machine. A task resumed after a C call finished waits in line behind them,
/// so `ContinuousClock.now - start` taken around an `await` on that pool measures the line,
/// not the call: a refused connection was seen to take 111 s that way. Inside `timed` the task
/// prefers an executor of its own, so it starts, and resumes after each `await`, at once.
public func timed<Value, Failure: Error>(
    _ body: () async throws(Failure) -> Value
) async throws(Failure) -> (value: Value, elapsed: Duration) {
    try await withTaskExecutorPreference(OwnThreadExecutor()) { () async throws(Failure) -> (value: Value, elapsed: Duration) in
        let start = ContinuousClock.now
        let value = try await body()
        return (value, ContinuousClock.now - start)
    }
}

/// A task executor on a serial Dispatch queue, which Dispatch serves with a thread outside the
/// cooperative pool (as it does the clients' own blocking queues).
private final class OwnThreadExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "parapet.tests.timed", qos: .userInitiated)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
