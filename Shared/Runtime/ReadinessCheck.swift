import Synchronization

/// A named check that a dependency the service needs is usable, e.g. that PostgreSQL answers.
///
/// `GET /ready` runs every check concurrently; a check passes by returning and fails by throwing
/// or by taking longer than its timeout.
public struct ReadinessCheck: Sendable {
    /// The key under `checks` in the `/ready` body, e.g. `postgres`.
    public var name: String
    /// How long the check may take before it counts as failed.
    public var timeout: Duration
    /// Returns if the dependency is usable; throws an error whose description says why not.
    public var check: @Sendable () async throws -> Void

    public init(_ name: String, timeout: Duration = .seconds(2), check: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.timeout = timeout
        self.check = check
    }

    /// Runs the check, giving up after `timeout`.
    ///
    /// - Returns: `nil` if it passed, else a one-line reason.
    public func evaluate() async -> String? {
        let check = self.check
        let timeout = self.timeout
        // The check runs in its own task and is abandoned (cancelled, not awaited) on timeout:
        // a client stuck in a blocking call may ignore cancellation, and /ready must still answer.
        return await FirstResult.race(
            { () async -> String? in
                do {
                    try await check()
                    return nil
                } catch {
                    return Redaction.oneLine(error)
                }
            },
            { () async -> String? in
                try? await Task.sleep(for: timeout)
                return "timed out after \(DurationText.format(timeout))"
            })
    }
}

/// The outcome of all readiness checks: each check's name mapped to `ok` or a one-line reason.
public struct ReadinessReport: Sendable, Equatable {
    /// The outcome of a check that passed.
    public static let ok = "ok"
    /// Each check's name mapped to ``ok`` or a one-line reason.
    public var results: [String: String]

    /// Whether every check passed (also true when there are none).
    public var isReady: Bool { results.values.allSatisfy { $0 == Self.ok } }

    /// Runs all `checks` concurrently.
    public static func run(_ checks: [ReadinessCheck]) async -> ReadinessReport {
        await withTaskGroup(of: (String, String).self) { group in
            for check in checks {
                group.addTask { (check.name, await check.evaluate() ?? ok) }
            }
            var results: [String: String] = [:]
            for await (name, outcome) in group {
                results[name] = outcome
            }
            return ReadinessReport(results: results)
        }
    }
}

/// Resumes with whichever of several unstructured tasks finishes first, and cancels the others
/// without waiting for them.
final class FirstResult<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, Never>?
        var tasks: [Task<Void, Never>] = []
    }

    private let state: Mutex<State>

    private init(_ continuation: CheckedContinuation<Value, Never>) {
        state = Mutex(State(continuation: continuation))
    }

    static func race(_ operations: (@Sendable () async -> Value)...) async -> Value {
        await withCheckedContinuation { continuation in
            let race = FirstResult(continuation)
            for operation in operations {
                race.add(Task { race.finish(with: await operation()) })
            }
        }
    }

    private func add(_ task: Task<Void, Never>) {
        let finished = state.withLock { state in
            guard state.continuation != nil else { return true }
            state.tasks.append(task)
            return false
        }
        if finished { task.cancel() }
    }

    private func finish(with value: Value) {
        let (continuation, tasks) = state.withLock { state in
            defer {
                state.continuation = nil
                state.tasks = []
            }
            return (state.continuation, state.tasks)
        }
        guard let continuation else { return }
        continuation.resume(returning: value)
        for task in tasks { task.cancel() }
    }
}
