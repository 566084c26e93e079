/// The rows a query returned, held in memory; a random-access collection of ``PostgresRow``.
///
/// ```swift
/// let rows = try await client.query("SELECT id, name FROM schools WHERE trust = \(trust)")
/// for row in rows {
///     let (id, name) = try row.decode((UUID, String).self)
/// }
/// ```
public struct PostgresRows: RandomAccessCollection, Sendable {
    let result: PostgresResult

    init(result: PostgresResult) { self.result = result }

    public var startIndex: Int { 0 }
    public var endIndex: Int { result.rowCount }

    public subscript(position: Int) -> PostgresRow {
        precondition(indices.contains(position), "row index \(position) out of range 0..<\(count)")
        return PostgresRow(result: result, row: position)
    }

    /// The names of the result's columns, in order.
    public var columnNames: [String] { result.columnNames }

    /// The number of rows the statement affected, from its command tag (`INSERT 0 3` → 3).
    public var affectedRows: Int { result.affectedRows }

    /// Decodes every row as a tuple of the given types, one per column in order.
    public func decode<each Column: PostgresDecodable>(
        _ types: (repeat each Column).Type
    ) throws(PostgresDecodingError) -> [(repeat each Column)] {
        var values: [(repeat each Column)] = []
        values.reserveCapacity(count)
        for row in self {
            values.append(try row.decode(types))
        }
        return values
    }
}

/// One row of a result. Decode its cells by column name or position.
public struct PostgresRow: Sendable {
    let result: PostgresResult
    let row: Int

    /// The number of columns.
    public var columnCount: Int { result.columnNames.count }

    /// The names of the columns, in order.
    public var columnNames: [String] { result.columnNames }

    /// The cell in the named column (exact, case-sensitive match), or `nil` if there is none.
    public subscript(column name: String) -> PostgresCell? {
        result.columnIndex(named: name).map { PostgresCell(result: result, row: row, column: $0) }
    }

    /// Decodes the value in the named column.
    public func decode<Value: PostgresDecodable>(
        _ type: Value.Type, column name: String
    ) throws(PostgresDecodingError) -> Value {
        guard let index = result.columnIndex(named: name) else {
            throw PostgresDecodingError(
                kind: .missingColumn, column: name, columnIndex: nil, expectedType: "\(Value.self)",
                found: result.columnNames.joined(separator: ", "))
        }
        return try Value(from: PostgresCell(result: result, row: row, column: index))
    }

    /// Decodes the value in the column at `index` (from 0).
    public func decode<Value: PostgresDecodable>(
        _ type: Value.Type, at index: Int
    ) throws(PostgresDecodingError) -> Value {
        guard result.columnNames.indices.contains(index) else {
            throw PostgresDecodingError(
                kind: .indexOutOfRange, column: "", columnIndex: index, expectedType: "\(Value.self)",
                found: "\(columnCount)")
        }
        return try Value(from: PostgresCell(result: result, row: row, column: index))
    }

    /// Decodes the whole row as a tuple, one type per column in order; the row must have exactly
    /// as many columns as the tuple.
    ///
    /// ```swift
    /// let (id, name, joined) = try row.decode((UUID, String, Date?).self)
    /// ```
    public func decode<each Column: PostgresDecodable>(
        _ types: (repeat each Column).Type
    ) throws(PostgresDecodingError) -> (repeat each Column) {
        var arity = 0
        for _ in repeat (each Column).self { arity += 1 }
        guard arity == columnCount else {
            throw PostgresDecodingError(
                kind: .columnCountMismatch, column: "", columnIndex: nil,
                expectedType: "\(types)", found: "\(columnCount)")
        }
        var index = 0
        func next<Value: PostgresDecodable>(_: Value.Type) throws(PostgresDecodingError) -> Value {
            defer { index += 1 }
            return try Value(from: PostgresCell(result: result, row: row, column: index))
        }
        return (repeat try next((each Column).self))
    }
}
