/// A SQL statement with its values bound as parameters, never spliced into the text.
///
/// Write it as a string literal; each interpolated value becomes a `$n` parameter:
///
/// ```swift
/// let query: PostgresQuery = "SELECT name FROM schools WHERE id = \(schoolID) AND open = \(true)"
/// // sql: SELECT name FROM schools WHERE id = $1 AND open = $2
/// ```
///
/// A table or column name that is only known at run time goes in with `\(identifier:)`, which
/// quotes it as an identifier. There is no way to splice a value into the SQL text, so a
/// `PostgresQuery` cannot carry an injection.
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation {
    /// The SQL text, with `$1`, `$2`, ... where the values go.
    public private(set) var sql: String
    /// The bound values.
    public private(set) var bindings: PostgresBindings
    /// Whether each connection keeps the statement prepared after its first run; see ``prepared()``.
    public private(set) var isPrepared = false

    public init(stringLiteral value: String) {
        self.sql = value
        self.bindings = PostgresBindings()
    }

    public init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.bindings = stringInterpolation.bindings
    }

    /// This query, to be prepared on each connection the first time it runs there and executed
    /// as the prepared statement after that: PostgreSQL parses, analyses and plans it once per
    /// connection instead of on every run (connections ask for generic plans, so the plan is
    /// not remade for each run's parameters; a statement whose best plan depends on its
    /// parameters' values should not be prepared). For statements a service runs over and over with the
    /// same SQL text and parameter types (the text is the key), such as a batch insert.
    public func prepared() -> PostgresQuery {
        var query = self
        query.isPrepared = true
        return query
    }

    /// Builds a query's SQL text and bindings from a string literal with interpolations.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql: String
        var bindings = PostgresBindings()

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql = ""
            sql.reserveCapacity(literalCapacity + 3 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds `value` as the next `$n` parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            bindings.append(value)
            sql += "$\(bindings.count)"
        }

        /// Binds `value` as the next `$n` parameter; `nil` is NULL.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            bindings.append(value)
            sql += "$\(bindings.count)"
        }

        /// Writes `name` as a quoted SQL identifier (a table, column or schema name), doubling any
        /// double quote in it, so that it can never end the identifier early.
        public mutating func appendInterpolation(identifier name: String) {
            sql += quotedIdentifier(name)
        }
    }
}

extension PostgresQuery: CustomStringConvertible {
    /// The SQL text and the parameters' types; never their values.
    public var description: String {
        bindings.count == 0 ? sql : "\(sql) [\(bindings.dataTypes.map(\.description).joined(separator: ", "))]"
    }
}

/// `name` quoted as a SQL identifier: in double quotes, with each double quote doubled.
func quotedIdentifier(_ name: String) -> String {
    "\"" + name.replacing("\"", with: "\"\"") + "\""
}

/// The values bound to a query's `$n` parameters, already in PostgreSQL's binary format.
public struct PostgresBindings: Sendable {
    /// Every value's bytes, one after another. It starts with one unused byte so that even an
    /// empty value has a non-null address: libpq reads a null address as SQL NULL.
    private(set) var storage: [UInt8] = [0]
    /// Where each value's bytes start in `storage`, and how many there are (-1 for NULL).
    private(set) var fields: [(offset: Int, length: Int32)] = []
    /// The PostgreSQL type of each value.
    private(set) var dataTypes: [PostgresDataType] = []
    /// The first value that failed to encode; the query reports it instead of running.
    private(set) var encodingError: PostgresError?

    init() {}

    /// The number of bound values.
    public var count: Int { fields.count }

    /// Binds `value` as the next parameter.
    mutating func append(_ value: some PostgresEncodable) {
        var buffer = PostgresEncodingBuffer(bytes: storage)
        storage = []  // hands the array to `buffer` without a copy
        let start = buffer.bytes.count
        do {
            try value.encode(into: &buffer)
        } catch {
            buffer.bytes.removeSubrange(start...)
            buffer.isNull = true
            if encodingError == nil {
                encodingError = PostgresError(
                    code: .encoding,
                    message: "cannot encode parameter $\(count + 1) (\(type(of: value))): \(error)")
            }
        }
        let length = buffer.bytes.count - start
        storage = buffer.bytes
        dataTypes.append(type(of: value).postgresDataType)
        fields.append((start, buffer.isNull ? -1 : Int32(clamping: length)))
    }
}
