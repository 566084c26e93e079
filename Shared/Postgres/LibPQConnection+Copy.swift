import CLibPQ
import Logging

extension LibPQConnection {
    /// How a COPY ended: the server's row count, or the error the caller's closure threw.
    private enum CopyOutcome: Sendable {
        case copied(Int)
        case failed(any Error)
    }

    /// Runs `COPY table (columns) FROM STDIN (FORMAT binary)`, feeding it the rows `writeRows`
    /// appends, all on the connection's queue; returns the number of rows copied.
    func copy(
        into table: String, schema: String?, columns: [String],
        _ writeRows: @escaping @Sendable (inout PostgresCopyWriter) throws -> Void
    ) async throws -> Int {
        guard !columns.isEmpty else {
            throw PostgresError(code: .invalidUsage, message: "COPY into \(quotedIdentifier(table)): no columns named")
        }
        let outcome = try await run(statement: "COPY") { handle throws(PostgresError) -> CopyOutcome in
            var target = try self.escapeIdentifier(table, handle)
            if let schema { target = try self.escapeIdentifier(schema, handle) + "." + target }
            var quotedColumns: [String] = []
            for column in columns { quotedColumns.append(try self.escapeIdentifier(column, handle)) }
            let targetColumns = try self.copyColumns(of: target, named: columns, handle)
            let sql = "COPY \(target) (\(quotedColumns.joined(separator: ", "))) FROM STDIN (FORMAT binary)"
            _ = try self.check(PQexec(handle, sql), handle, statement: sql)

            var writer = PostgresCopyWriter(
                connection: self, handle: handle, statement: sql, table: target, columns: targetColumns)
            do {
                try writeRows(&writer)
            } catch {
                if writer.failure == nil {
                    // Ends the COPY with an error, so the server discards every row sent.
                    PQputCopyEnd(handle, "COPY aborted by the client")
                    _ = try? self.collectResult(handle, statement: sql)
                }
                return .failed(error)
            }
            try writer.finish()
            _ = PQputCopyEnd(handle, nil)
            // A server error (a constraint, a bad value) in the last chunk arrives here.
            let result = try self.collectResult(handle, statement: sql)
            return .copied(result.affectedRows)
        }
        switch outcome {
        case .copied(let count):
            logger.debug("copied rows", metadata: ["postgres.table": "\(table)", "postgres.rows": "\(count)"])
            return count
        case .failed(let error):
            throw error
        }
    }

    /// Why a COPY stopped taking data: the server's error if it sent one, else the broken
    /// connection's.
    func copyFailure(_ handle: OpaquePointer, statement: String) -> PostgresError {
        let message = lastError(handle)
        do {
            _ = try collectResult(handle, statement: statement)
            return connectionLost(handle, message: message, statement: statement)
        } catch {
            return error
        }
    }

    /// The first result of the statement in progress, after reading all of them.
    private func collectResult(_ handle: OpaquePointer, statement: String) throws(PostgresError) -> PostgresResult {
        var first: OpaquePointer?
        while let result = PQgetResult(handle) {
            if first == nil { first = result } else { PQclear(result) }
        }
        return try check(first, handle, statement: statement)
    }

    /// The named columns of `table` (an escaped, possibly qualified name) with their types.
    private func copyColumns(
        of table: String, named names: [String], _ handle: OpaquePointer
    ) throws(PostgresError) -> [PostgresCopyWriter.Column] {
        let query: PostgresQuery = """
            SELECT a.attname::text, base.oid::int8, base.typcategory::text, format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a
            JOIN pg_type t ON t.oid = a.atttypid
            JOIN pg_type base ON base.oid = CASE WHEN t.typbasetype = 0 THEN t.oid ELSE t.typbasetype END
            WHERE a.attrelid = \(table)::regclass AND a.attnum > 0 AND NOT a.attisdropped
            """
        let rows = PostgresRows(result: try executeBlocking(query, handle))
        var available: [String: PostgresCopyWriter.Column] = [:]
        do {
            for row in rows {
                let (name, type, category, typeName) = try row.decode((String, Int64, String, String).self)
                available[name] = PostgresCopyWriter.Column(
                    name: quotedIdentifier(name), baseType: PostgresDataType(rawValue: UInt32(truncatingIfNeeded: type)),
                    category: category, typeName: typeName)
            }
        } catch {
            throw PostgresError(code: .server, message: "cannot read the columns of \(table): \(error)")
        }
        var columns: [PostgresCopyWriter.Column] = []
        for name in names {
            guard let column = available[name] else {
                throw PostgresError(
                    code: .server, message: "column \(quotedIdentifier(name)) of relation \(table) does not exist",
                    sqlState: .undefinedColumn)
            }
            columns.append(column)
        }
        return columns
    }
}
