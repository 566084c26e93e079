import Logging
import Synchronization

/// A connection lent by ``PostgresClient/withConnection(isolation:_:)`` or
/// ``PostgresClient/withTransaction(isolation:_:)`` for the length of the closure.
///
/// Statements on it run one after another on one server session, so session state (a
/// transaction, an advisory lock, `SET`) carries from one to the next. Once the closure returns
/// the connection goes back to the pool, and any further use of this value throws
/// `.invalidUsage` instead of touching someone else's session.
public struct PostgresConnection: Sendable {
    let lease: Lease

    /// Runs `query` and returns its rows.
    public func query(_ query: PostgresQuery) async throws(PostgresError) -> PostgresRows {
        PostgresRows(result: try await lease.connection().execute(query))
    }

    /// Runs `query` and returns the number of rows it affected.
    @discardableResult
    public func execute(_ query: PostgresQuery) async throws(PostgresError) -> Int {
        try await lease.connection().execute(query).affectedRows
    }

    /// Bulk-inserts rows with `COPY ... FROM STDIN` and returns how many were copied.
    ///
    /// `writeRows` runs on the connection's own thread and appends rows to the writer; they are
    /// streamed to the server as they are written. If it throws, the COPY is aborted, no row is
    /// kept, and its error is rethrown. Inside a transaction, the rows commit with it.
    ///
    /// - Parameters:
    ///   - table: the table's name, quoted as an identifier (not split at dots).
    ///   - schema: the table's schema, or `nil` for the search path.
    ///   - columns: the columns each row fills, in order.
    @discardableResult
    public func copy(
        into table: String, schema: String? = nil, columns: [String],
        _ writeRows: @escaping @Sendable (inout PostgresCopyWriter) throws -> Void
    ) async throws -> Int {
        try await lease.connection().copy(into: table, schema: schema, columns: columns, writeRows)
    }

    /// Runs `body` in a transaction on this connection: `BEGIN`, the body, `COMMIT`; if the body
    /// throws, `ROLLBACK` and rethrow. Transactions do not nest: a second one throws.
    public func withTransaction<Value>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        let connection = try lease.connection()
        try await connection.begin()
        let value: Value
        do {
            value = try await body(self)
        } catch {
            do {
                try await connection.rollback()
            } catch let rollbackError {
                // The connection is probably broken; the pool discards it on return.
                connection.logger.warning("ROLLBACK failed: \(rollbackError)")
            }
            throw error
        }
        try await connection.commit()
        return value
    }

    /// Runs trusted SQL text holding any number of statements, without parameters: for
    /// migrations only, never for text built from values.
    func executeScript(_ sql: String) async throws(PostgresError) {
        try await lease.connection().executeScript(sql)
    }
}

/// One loan of a connection; ends when the closure it was lent to returns.
final class Lease: Sendable {
    private let underlying: LibPQConnection
    private let isActive = Atomic(true)

    init(_ connection: LibPQConnection) { self.underlying = connection }

    /// The connection, while the loan lasts.
    func connection() throws(PostgresError) -> LibPQConnection {
        guard isActive.load(ordering: .acquiring) else {
            throw PostgresError(
                code: .invalidUsage,
                message: "a PostgresConnection was used after the closure it was lent to returned")
        }
        return underlying
    }

    func end() { isActive.store(false, ordering: .releasing) }
}
