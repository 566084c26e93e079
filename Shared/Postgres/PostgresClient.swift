import Logging

/// A PostgreSQL client: a small pool of libpq connections, opened when first needed.
///
/// ```swift
/// let client = PostgresClient(configuration: try PostgresConfiguration(url: databaseURL))
/// let rows = try await client.query("SELECT name FROM schools WHERE trust = \(trust)")
/// try await client.withTransaction { tx in
///     try await tx.execute("INSERT INTO verdicts ... VALUES (\(id), ...)")
///     try await tx.execute("INSERT INTO processed_messages (consumer, message_id) VALUES (\(consumer), \(messageID))")
/// }
/// await client.shutdown()
/// ```
///
/// Every libpq call runs on the connection's own serial queue, never on Swift's cooperative
/// thread pool. Values are always sent as bind parameters (see ``PostgresQuery``). When all
/// connections are busy, callers wait in line; a connection the server dropped is replaced.
public final class PostgresClient: Sendable {
    /// Where and how the client connects.
    public let configuration: PostgresConfiguration
    private let pool: ConnectionPool

    /// Creates a client; no connection is opened until the first statement.
    /// - Parameter logger: receives connection events and the server's notices, with the
    ///   server's address and database as metadata; never passwords or parameter values.
    public init(configuration: PostgresConfiguration, logger: Logger = Logger(label: "parapet.postgres")) {
        var logger = logger
        logger[metadataKey: "postgres.endpoint"] = "\(configuration.endpoint)"
        logger[metadataKey: "postgres.database"] = "\(configuration.database)"
        self.configuration = configuration
        self.pool = ConnectionPool(configuration: configuration, logger: logger)
    }

    /// Lends `body` a connection of its own for its whole run, e.g. to hold a session-level lock.
    /// The connection must not be used after `body` returns.
    public func withConnection<Value>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        let connection = try await pool.acquire()
        let lease = Lease(connection)
        let value: Value
        do {
            value = try await body(PostgresConnection(lease: lease))
        } catch {
            lease.end()
            await pool.release(connection)
            throw error
        }
        lease.end()
        await pool.release(connection)
        return value
    }

    /// Runs `body` in a transaction on one connection: `BEGIN`, the body, `COMMIT`. If the body
    /// throws, the transaction is rolled back and the error rethrown; nothing it wrote remains.
    /// If a statement failed and the body caught its error, the commit throws instead of
    /// quietly rolling back.
    public func withTransaction<Value>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        try await withConnection { connection in
            try await connection.withTransaction(body)
        }
    }

    /// Runs `query` on a pooled connection and returns its rows.
    public func query(_ query: PostgresQuery) async throws(PostgresError) -> PostgresRows {
        try await withPooledConnection { connection throws(PostgresError) in
            PostgresRows(result: try await connection.execute(query))
        }
    }

    /// Runs `query` on a pooled connection and returns the number of rows it affected.
    @discardableResult
    public func execute(_ query: PostgresQuery) async throws(PostgresError) -> Int {
        try await withPooledConnection { connection throws(PostgresError) in
            try await connection.execute(query).affectedRows
        }
    }

    /// Bulk-inserts rows with `COPY ... FROM STDIN` on a pooled connection, in its own implicit
    /// transaction; see ``PostgresConnection/copy(into:schema:columns:_:)``.
    @discardableResult
    public func copy(
        into table: String, schema: String? = nil, columns: [String],
        _ writeRows: @escaping @Sendable (inout PostgresCopyWriter) throws -> Void
    ) async throws -> Int {
        try await withConnection { connection in
            try await connection.copy(into: table, schema: schema, columns: columns, writeRows)
        }
    }

    /// Closes idle connections and makes later calls fail with `.clientClosed`; connections in
    /// use close as they come back.
    public func shutdown() async {
        await pool.shutdown()
    }

    /// A single statement's round trip, typed-throwing, without a lease: the connection never
    /// leaves this function.
    private func withPooledConnection<Value: Sendable>(
        _ body: (LibPQConnection) async throws(PostgresError) -> Value
    ) async throws(PostgresError) -> Value {
        let connection = try await pool.acquire()
        do {
            let value = try await body(connection)
            await pool.release(connection)
            return value
        } catch {
            await pool.release(connection)
            throw error
        }
    }
}
