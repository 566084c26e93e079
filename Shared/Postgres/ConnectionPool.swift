import Logging
import Synchronization

/// A fixed-size pool of libpq connections, opened lazily, handed out one caller at a time.
///
/// Callers beyond `maximumConnections` wait in order of arrival. A connection that comes back
/// broken or still inside a transaction is closed, and its place goes to a new connection.
final class ConnectionPool: Sendable {
    /// What a waiting caller is given: an idle connection, or leave to open one.
    private enum Grant: Sendable {
        case connection(LibPQConnection)
        case slot
    }

    private struct Waiter {
        var id: Int
        var continuation: CheckedContinuation<Result<Grant, PostgresError>, Never>
    }

    private struct State {
        var idle: [LibPQConnection] = []
        /// Connections open or being opened, idle or not.
        var open = 0
        var waiters: [Waiter] = []
        var nextWaiterID = 0
        var nextConnectionID = 0
        var isClosed = false

        /// A grant for the next caller, if one can be had now.
        mutating func take(limit: Int) -> Grant? {
            if let connection = idle.popLast() { return .connection(connection) }
            guard open < limit else { return nil }
            open += 1
            return .slot
        }
    }

    let configuration: PostgresConfiguration
    let logger: Logger
    private let state = Mutex(State())

    init(configuration: PostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// A connection for the caller's sole use until `release`.
    func acquire() async throws(PostgresError) -> LibPQConnection {
        var grant = try await nextGrant()
        while true {
            switch grant {
            case .connection(let connection):
                let status = await connection.status()
                if status.isConnected && status.isIdle { return connection }
                logger.info("replacing a PostgreSQL connection the server closed")
                await connection.close()
                grant = .slot  // keep its place in the pool for the replacement
            case .slot:
                do throws(PostgresError) {
                    let id = state.withLock { state in
                        state.nextConnectionID += 1
                        return state.nextConnectionID
                    }
                    var connectionLogger = logger
                    connectionLogger[metadataKey: "postgres.connection"] = "\(id)"
                    return try await LibPQConnection.connect(
                        configuration, label: "parapet.postgres.\(id)", logger: connectionLogger)
                } catch {
                    giveBackSlot()
                    throw error
                }
            }
        }
    }

    /// Returns a connection; it is reused only if it is still connected and outside any
    /// transaction, and closed otherwise.
    func release(_ connection: LibPQConnection) async {
        let status = await connection.status()
        let reusable = status.isConnected && status.isIdle
        if !reusable {
            logger.info(
                "closing a PostgreSQL connection that came back \(status.isConnected ? "inside a transaction" : "broken")")
        }
        let (waiter, keep) = state.withLock { state -> (Waiter?, Bool) in
            if reusable && !state.isClosed {
                guard !state.waiters.isEmpty else {
                    state.idle.append(connection)
                    return (nil, true)
                }
                return (state.waiters.removeFirst(), true)
            }
            // Its place passes to the next waiter, who opens a new connection.
            guard !state.isClosed, !state.waiters.isEmpty else {
                state.open -= 1
                return (nil, false)
            }
            return (state.waiters.removeFirst(), false)
        }
        waiter?.continuation.resume(returning: .success(keep ? .connection(connection) : .slot))
        if !keep { await connection.close() }
    }

    /// Closes idle connections and fails waiting and future callers; connections in use close
    /// when they come back.
    func shutdown() async {
        let (idle, waiters) = state.withLock { state in
            state.isClosed = true
            defer {
                state.open -= state.idle.count
                state.idle = []
                state.waiters = []
            }
            return (state.idle, state.waiters)
        }
        for waiter in waiters {
            waiter.continuation.resume(returning: .failure(Self.closedError))
        }
        for connection in idle { await connection.close() }
    }

    private static let closedError = PostgresError(code: .clientClosed, message: "the PostgreSQL client is shut down")
    private static let cancelledError = PostgresError(
        code: .cancelled, message: "cancelled while waiting for a PostgreSQL connection")

    /// An idle connection or leave to open one, waiting in line if the pool is at its limit.
    private func nextGrant() async throws(PostgresError) -> Grant {
        if Task.isCancelled { throw Self.cancelledError }
        let limit = configuration.maximumConnections
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<Grant, PostgresError>, Never>) in
                let immediate: Result<Grant, PostgresError>? = state.withLock { state in
                    if state.isClosed { return .failure(Self.closedError) }
                    if let grant = state.take(limit: limit) { return .success(grant) }
                    // Checked under the lock that the cancellation handler also takes, so a
                    // cancellation either finds this waiter or is seen here.
                    if Task.isCancelled { return .failure(Self.cancelledError) }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(returning: .failure(Self.cancelledError))
        }
        return try result.get()
    }

    /// Gives back the place of a connection that failed to open, to the next waiter if any.
    private func giveBackSlot() {
        let waiter = state.withLock { state -> Waiter? in
            guard !state.isClosed, !state.waiters.isEmpty else {
                state.open -= 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.continuation.resume(returning: .success(.slot))
    }
}
