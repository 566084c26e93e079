import CLibPQ

extension LibPQConnection {
    /// Starts a transaction; refuses if one is already open, since a nested `BEGIN` would only
    /// warn and the inner `COMMIT` would commit the outer transaction's work.
    func begin() async throws(PostgresError) {
        _ = try await run(statement: "BEGIN") { handle throws(PostgresError) in
            guard PQtransactionStatus(handle) == PQTRANS_IDLE else {
                throw PostgresError(
                    code: .invalidUsage, message: "a transaction is already open on this connection",
                    statement: "BEGIN")
            }
            return try self.check(PQexec(handle, "BEGIN"), handle, statement: "BEGIN")
        }
    }

    /// Commits the open transaction. If a statement in it failed (and the body caught the
    /// error), PostgreSQL would turn `COMMIT` into a silent rollback; this rolls back and throws.
    func commit() async throws(PostgresError) {
        _ = try await run(statement: "COMMIT") { handle throws(PostgresError) in
            switch PQtransactionStatus(handle) {
            case PQTRANS_INTRANS:
                return try self.check(PQexec(handle, "COMMIT"), handle, statement: "COMMIT")
            case PQTRANS_INERROR:
                _ = try self.check(PQexec(handle, "ROLLBACK"), handle, statement: "ROLLBACK")
                throw PostgresError(
                    code: .server,
                    message: "the transaction was rolled back: a statement in it failed and its error was caught",
                    sqlState: .inFailedTransaction, statement: "COMMIT")
            case PQTRANS_IDLE:
                throw PostgresError(
                    code: .invalidUsage, message: "the transaction was already ended inside its body",
                    statement: "COMMIT")
            default:
                throw self.connectionLost(handle, message: self.lastError(handle), statement: "COMMIT")
            }
        }
    }

    /// Rolls back the open transaction, if any.
    func rollback() async throws(PostgresError) {
        _ = try await run(statement: "ROLLBACK") { handle throws(PostgresError) in
            guard PQtransactionStatus(handle) != PQTRANS_IDLE else { return }
            _ = try self.check(PQexec(handle, "ROLLBACK"), handle, statement: "ROLLBACK")
        }
    }
}
