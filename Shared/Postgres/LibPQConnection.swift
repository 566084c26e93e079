import CLibPQ
import Logging
import ParapetBlocking

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libpq connection (`PGconn`) and the serial queue that is its only user.
///
/// `@unchecked Sendable` is safe: `handle` is read and written only by closures running on
/// `queue`, which runs one at a time, so the `PGconn` has a single owner; `deinit` runs when no
/// closure can hold `self` any more.
final class LibPQConnection: @unchecked Sendable {
    private let queue: BlockingQueue
    /// The libpq connection; `nil` once closed. Touched only on `queue`.
    private var handle: OpaquePointer?
    /// Routes the server's notices (e.g. "table already exists, skipping") to the logger; kept
    /// alive here because libpq holds only an unretained pointer to it.
    private let notices: NoticeLogger
    /// The statements prepared on this connection (``PostgresQuery/prepared()``), by SQL text
    /// and parameter types, with the name each was given. Touched only on `queue`.
    private var preparedStatements: [PreparedStatementKey: String] = [:]
    /// `host:port`, for messages.
    let endpoint: String
    let logger: Logger

    private init(handle: OpaquePointer, queue: BlockingQueue, endpoint: String, logger: Logger) {
        self.handle = handle
        self.queue = queue
        self.endpoint = endpoint
        self.logger = logger
        self.notices = NoticeLogger(logger: logger)
        PQsetNoticeReceiver(handle, noticeReceiver, Unmanaged.passUnretained(notices).toOpaque())
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Opens a connection, failing with `.connectionFailed` if it is not ready within the
    /// configuration's connect timeout.
    static func connect(
        _ configuration: PostgresConfiguration, label: String, logger: Logger
    ) async throws(PostgresError) -> LibPQConnection {
        let queue = BlockingQueue(label: label)
        let handle = try await queue.run { () throws(PostgresError) -> SendableHandle in
            try SendableHandle(connectBlocking(configuration))
        }
        let connection = LibPQConnection(
            handle: handle.pointer, queue: queue, endpoint: configuration.endpoint, logger: logger)
        logger.debug("connected to PostgreSQL", metadata: ["postgres.backend_pid": "\(PQbackendPID(handle.pointer))"])
        return connection
    }

    /// Runs `body` on the connection's queue with the live `PGconn`.
    func run<Value: Sendable>(
        statement: String?,
        _ body: @escaping @Sendable (OpaquePointer) throws(PostgresError) -> Value
    ) async throws(PostgresError) -> Value {
        try await queue.run { () throws(PostgresError) -> Value in
            guard let handle = self.handle else {
                throw PostgresError(
                    code: .invalidUsage, message: "the connection is closed", statement: statement)
            }
            return try body(handle)
        }
    }

    /// Runs one statement with binary parameters and binary results.
    func execute(_ query: PostgresQuery) async throws(PostgresError) -> PostgresResult {
        if var error = query.bindings.encodingError {
            error.statement = query.sql
            throw error
        }
        return try await run(statement: query.sql) { handle throws(PostgresError) in
            try self.executeBlocking(query, handle)
        }
    }

    /// `execute` for code already on the queue.
    func executeBlocking(_ query: PostgresQuery, _ handle: OpaquePointer) throws(PostgresError) -> PostgresResult {
        let bindings = query.bindings
        let result = bindings.storage.withUnsafeBufferPointer { storage in
            // Never nil: `storage` always holds at least its leading unused byte.
            let base = UnsafeRawPointer(storage.baseAddress!).assumingMemoryBound(to: CChar.self)
            let values: [UnsafePointer<CChar>?] = bindings.fields.map { $0.length < 0 ? nil : base + $0.offset }
            let lengths = bindings.fields.map { max($0.length, 0) }
            let formats = [Int32](repeating: 1, count: bindings.count)
            let types = bindings.dataTypes.map(\.rawValue)
            guard query.isPrepared else {
                // Binary parameters and binary results (the final 1).
                return PQexecParams(handle, query.sql, Int32(bindings.count), types, values, lengths, formats, 1)
            }
            let key = PreparedStatementKey(sql: query.sql, types: types)
            let name: String
            if let known = preparedStatements[key] {
                name = known
            } else {
                name = "parapet_\(preparedStatements.count + 1)"
                // A statement prepared at the protocol level outlives the transaction it was
                // prepared in, even one that rolls back, so it is remembered at once.
                guard let prepared = PQprepare(handle, name, query.sql, Int32(bindings.count), types) else { return nil }
                guard PQresultStatus(prepared) == PGRES_COMMAND_OK else { return prepared }
                PQclear(prepared)
                preparedStatements[key] = name
            }
            return PQexecPrepared(handle, name, Int32(bindings.count), values, lengths, formats, 1)
        }
        return try check(result, handle, statement: query.sql)
    }

    /// Runs trusted SQL text that may hold several statements (a migration), through the simple
    /// query protocol, which takes no parameters. The text must not end the transaction it runs
    /// in: its work would commit apart from whatever the caller does after it.
    func executeScript(_ sql: String) async throws(PostgresError) {
        _ = try await run(statement: sql) { handle throws(PostgresError) in
            let wasInTransaction = PQtransactionStatus(handle) == PQTRANS_INTRANS
            _ = try self.check(PQexec(handle, sql), handle, statement: sql)
            if wasInTransaction && PQtransactionStatus(handle) == PQTRANS_IDLE {
                throw PostgresError(
                    code: .invalidUsage, message: "the SQL ended the transaction it ran in (COMMIT or ROLLBACK in it)",
                    statement: sql)
            }
        }
    }

    /// The state a pool needs to decide whether to hand the connection out again.
    func status() async -> (isConnected: Bool, isIdle: Bool) {
        do {
            return try await run(statement: nil) { handle in
                // A session the server ended while idle has sent its last words (a FATAL
                // message) and closed: read until nothing is left, so libpq sees the EOF and
                // marks the connection bad instead of the next statement failing on it.
                var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
                var reads = 0
                while reads < 16, PQstatus(handle) == CONNECTION_OK, poll(&descriptor, 1, 0) > 0,
                    PQconsumeInput(handle) == 1
                {
                    _ = PQisBusy(handle)  // parses what arrived, so its notices are logged
                    reads += 1
                }
                return (PQstatus(handle) == CONNECTION_OK, PQtransactionStatus(handle) == PQTRANS_IDLE)
            }
        } catch {
            return (false, false)
        }
    }

    /// Closes the connection; later calls fail with `.invalidUsage`.
    func close() async {
        _ = try? await run(statement: nil) { handle in
            PQfinish(handle)
            self.handle = nil
        }
    }

    /// Turns a libpq result into a ``PostgresResult`` or a ``PostgresError``; frees it on error.
    func check(
        _ result: OpaquePointer?, _ handle: OpaquePointer, statement: String?
    ) throws(PostgresError)
        -> PostgresResult
    {
        guard let result else {
            // No result: the connection broke, or libpq refused the call itself (too many
            // parameters, out of memory) and left the reason in its error message.
            guard PQstatus(handle) == CONNECTION_OK else {
                throw connectionLost(handle, message: lastError(handle), statement: statement)
            }
            throw PostgresError(code: .invalidUsage, message: lastError(handle), statement: statement)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN:
            return PostgresResult(result)
        default:
            defer { PQclear(result) }
            func field(_ code: Character) -> String? {
                PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
            }
            let message = field("M") ?? firstLine(String(cString: PQresultErrorMessage(result)))
            var error = PostgresError(
                code: .server, message: message, sqlState: field("C").map(SQLState.init(rawValue:)),
                detail: field("D"), hint: field("H"), statement: statement)
            if PQstatus(handle) == CONNECTION_BAD {
                error.code = .connectionLost
                error.endpoint = endpoint
            }
            throw error
        }
    }

    func connectionLost(_ handle: OpaquePointer, message: String, statement: String?) -> PostgresError {
        PostgresError(code: .connectionLost, message: message, statement: statement, endpoint: endpoint)
    }

    /// libpq's last error for this connection, on one line.
    func lastError(_ handle: OpaquePointer) -> String {
        firstLine(String(cString: PQerrorMessage(handle)))
    }

    /// `name` quoted as an identifier by libpq, which also checks it is valid in the
    /// connection's encoding.
    func escapeIdentifier(_ name: String, _ handle: OpaquePointer) throws(PostgresError) -> String {
        let utf8 = Array(name.utf8)
        guard !utf8.contains(0), let escaped = PQescapeIdentifier(handle, name, utf8.count) else {
            throw PostgresError(code: .invalidUsage, message: "invalid identifier \(quotedIdentifier(name)): \(lastError(handle))")
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }
}

/// What identifies a prepared statement on a connection: its text and its parameters' types.
private struct PreparedStatementKey: Hashable {
    var sql: String
    var types: [UInt32]
}

/// A `PGconn` on its way from the queue that made it to its owner.
private struct SendableHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
}

/// The first non-empty line of a libpq message, without trailing whitespace.
func firstLine(_ message: String) -> String {
    let line = message.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) } ?? ""
    return String(line).trimmingTrailingWhitespace()
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        var result = self
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }
}

/// Logs the server's notices and warnings instead of letting libpq print them to stderr.
private final class NoticeLogger: Sendable {
    let logger: Logger
    init(logger: Logger) { self.logger = logger }
}

private let noticeReceiver: PQnoticeReceiver = { context, result in
    guard let context, let result else { return }
    let notices = Unmanaged<NoticeLogger>.fromOpaque(context).takeUnretainedValue()
    let severity = PQresultErrorField(result, Int32(Character("V").asciiValue!)).map { String(cString: $0) } ?? ""
    let message = firstLine(String(cString: PQresultErrorMessage(result)))
    let level: Logger.Level = severity == "WARNING" ? .warning : .debug
    notices.logger.log(level: level, "PostgreSQL \(severity.lowercased()): \(message)")
}
