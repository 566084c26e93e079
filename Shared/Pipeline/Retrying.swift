import Logging
import ParapetKafka
import ParapetPostgres

/// How Parapet's consumers wait out PostgreSQL or Kafka being unreachable: the work is tried
/// again, waiting longer after each failure, while the failure is one that waiting can cure.
public enum Retrying {
    /// Runs `body` until it succeeds, waiting 100 ms after the first failure and twice as long
    /// after each next one (up to 5 s), while the failure ``isTransient(_:)``; other errors,
    /// and cancellation, are thrown.
    public static func untilDone<Value>(
        _ what: String, logger: Logger, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Value
    ) async throws -> Value {
        var delay = Duration.milliseconds(100)
        while true {
            do {
                return try await body()
            } catch  where isTransient(error) {
                logger.warning("cannot \(what); retrying", metadata: ["error": "\(error)", "retry_in": "\(delay)"])
            }
            try await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(5))
        }
    }

    /// Whether `error` says PostgreSQL or Kafka is unreachable, restarting, or lost a race, so
    /// the same work may succeed later.
    public static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case let error as PostgresError:
            if [.connectionFailed, .connectionLost].contains(error.code) { return true }
            guard let state = error.sqlState else { return false }
            return state.isConnectionException || [.serializationFailure, .deadlockDetected, .adminShutdown].contains(state)
        case let error as KafkaError:
            return error.kind == .delivery || error.kind == .unreachable
        default:
            return false
        }
    }

    /// Whether PostgreSQL refused the values (a data exception or a violated constraint)
    /// rather than failed: trying again cannot help.
    public static func isDataError(_ error: PostgresError) -> Bool {
        guard error.code == .server, let state = error.sqlState?.rawValue else { return error.code == .encoding }
        return state.hasPrefix("22") || state.hasPrefix("23")
    }
}
