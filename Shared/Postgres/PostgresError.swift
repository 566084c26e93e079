/// An error from the PostgreSQL client: the server refused a statement, a connection could not be
/// made or was lost, a value could not be encoded, or the API was used in a way it cannot serve.
///
/// `description` is one line fit for a log: it names the problem and, for server errors, the
/// SQLSTATE and the statement text. It never holds parameter values or a password; the server's
/// `detail` (which may quote values, e.g. the duplicate key) is only in `debugDescription`.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is.
    public enum Code: Sendable, Hashable {
        /// No connection could be made (unreachable, refused, timed out, authentication failed).
        case connectionFailed
        /// The connection broke while in use; the statement may or may not have run.
        case connectionLost
        /// The server executed the statement and reported an error; see `sqlState`.
        case server
        /// A bind parameter or a COPY field could not be encoded.
        case encoding
        /// The API was used in a way it cannot serve (wrong COPY row width, nested transaction,
        /// a connection used after its closure returned, ...).
        case invalidUsage
        /// The client was shut down.
        case clientClosed
        /// The task was cancelled while waiting for a connection.
        case cancelled
        /// The configuration (connection string, pool size) is not valid.
        case invalidConfiguration
    }

    /// What kind of failure this is.
    public var code: Code
    /// The primary message: the server's, libpq's, or this library's.
    public var message: String
    /// The server's SQLSTATE, for `.server` errors (e.g. `.uniqueViolation`).
    public var sqlState: SQLState?
    /// The server's detail line; may quote values, so it is left out of `description`.
    public var detail: String?
    /// The server's hint, if any.
    public var hint: String?
    /// The SQL text of the statement that failed, without its parameter values.
    public var statement: String?
    /// `host:port` of the server, for connection errors.
    public var endpoint: String?

    public init(
        code: Code, message: String, sqlState: SQLState? = nil, detail: String? = nil,
        hint: String? = nil, statement: String? = nil, endpoint: String? = nil
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.statement = statement
        self.endpoint = endpoint
    }

    public var description: String {
        var line: String
        switch code {
        case .connectionFailed:
            line = "cannot connect to PostgreSQL at \(endpoint ?? "?"): \(message)"
        case .connectionLost:
            line = "lost the connection to PostgreSQL at \(endpoint ?? "?"): \(message)"
        case .server:
            line = "PostgreSQL error \(sqlState?.rawValue ?? "?????"): \(message)"
        default:
            line = message
        }
        if let statement {
            line += " (statement: \(Self.abbreviated(statement)))"
        }
        return Self.oneLine(line)
    }

    public var debugDescription: String {
        var parts = [description]
        if let detail { parts.append("detail: \(detail)") }
        if let hint { parts.append("hint: \(hint)") }
        return parts.joined(separator: "; ")
    }

    /// Collapses runs of whitespace, newlines included, into single spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The statement on one line, cut to a length a log line can carry.
    private static func abbreviated(_ statement: String) -> String {
        let flat = oneLine(statement)
        return flat.count <= 200 ? flat : flat.prefix(199) + "…"
    }
}

/// A five-character SQLSTATE code from the server; compare with the named constants.
///
/// ```swift
/// catch let error as PostgresError where error.sqlState == .uniqueViolation { ... }
/// ```
public struct SQLState: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static let uniqueViolation: Self = "23505"
    public static let foreignKeyViolation: Self = "23503"
    public static let notNullViolation: Self = "23502"
    public static let checkViolation: Self = "23514"
    public static let serializationFailure: Self = "40001"
    public static let deadlockDetected: Self = "40P01"
    public static let queryCanceled: Self = "57014"
    public static let undefinedTable: Self = "42P01"
    public static let undefinedColumn: Self = "42703"
    public static let syntaxError: Self = "42601"
    public static let inFailedTransaction: Self = "25P02"
    public static let adminShutdown: Self = "57P01"

    /// Class 08: the connection failed or broke.
    public var isConnectionException: Bool { rawValue.hasPrefix("08") }
    /// Class 23: an integrity constraint (unique, foreign key, not null, check) was violated.
    public var isIntegrityConstraintViolation: Bool { rawValue.hasPrefix("23") }
}
