import CLibPQ

/// One value of a result row, in PostgreSQL's binary format, with what is known about its column.
///
/// A ``PostgresDecodable`` conformance reads a cell; custom types usually decode a built-in
/// type from it and convert, e.g. `try Slug(rawValue: String(from: cell))`.
public struct PostgresCell: Sendable {
    let result: PostgresResult
    let row: Int32
    let column: Int32

    init(result: PostgresResult, row: Int, column: Int) {
        self.result = result
        self.row = Int32(row)
        self.column = Int32(column)
    }

    /// The column's position in the row, from 0.
    public var columnIndex: Int { Int(column) }
    /// The column's name, as the server sent it.
    public var columnName: String { result.columnNames[columnIndex] }
    /// The column's PostgreSQL type.
    public var dataType: PostgresDataType { result.columnTypes[columnIndex] }
    /// Whether the value is SQL NULL.
    public var isNull: Bool { PQgetisnull(result.pointer, row, column) == 1 }

    /// A copy of the value's bytes in binary format, or `nil` for NULL.
    public var bytes: [UInt8]? {
        isNull ? nil : rawBytes.map { Array($0) }
    }

    /// An error saying this column's type cannot be read as `type`.
    public func mismatch(_ type: Any.Type) -> PostgresDecodingError {
        error(.typeMismatch, type, found: isNull ? "NULL" : dataType.description)
    }

    /// An error saying the bytes are not a valid value for `type`, and why.
    public func malformed(_ type: Any.Type, reason: String) -> PostgresDecodingError {
        error(.malformed, type, found: dataType.description, reason: reason)
    }

    private func error(
        _ kind: PostgresDecodingError.Kind, _ type: Any.Type, found: String, reason: String? = nil
    ) -> PostgresDecodingError {
        PostgresDecodingError(
            kind: kind, column: columnName, columnIndex: columnIndex, expectedType: "\(type)",
            found: found, reason: reason)
    }

    /// The value's bytes, valid while `result` lives; `nil` for NULL.
    private var rawBytes: UnsafeRawBufferPointer? {
        guard !isNull, let start = PQgetvalue(result.pointer, row, column) else { return nil }
        return UnsafeRawBufferPointer(start: start, count: Int(PQgetlength(result.pointer, row, column)))
    }

    /// Calls `body` with the value's bytes, after checking it is not NULL and that its type is
    /// one of `accepted`.
    func withBytes<Result>(
        as type: Any.Type, accepting accepted: [PostgresDataType] = [],
        _ body: (UnsafeRawBufferPointer) throws(PostgresDecodingError) -> Result
    ) throws(PostgresDecodingError) -> Result {
        guard accepted.isEmpty || accepted.contains(dataType) else { throw mismatch(type) }
        guard let bytes = rawBytes else {
            throw error(.unexpectedNull, type, found: "NULL")
        }
        // The result object outlives this call, so the bytes stay valid throughout `body`.
        return try withExtendedLifetime(result) { () throws(PostgresDecodingError) -> Result in try body(bytes) }
    }

    /// Reads a big-endian integer of exactly `T`'s size.
    func integer<T: FixedWidthInteger>(
        _: T.Type, from bytes: UnsafeRawBufferPointer, as type: Any.Type
    ) throws(PostgresDecodingError) -> T {
        guard bytes.count == MemoryLayout<T>.size else {
            throw malformed(type, reason: "\(bytes.count) bytes, expected \(MemoryLayout<T>.size)")
        }
        return T(bigEndian: bytes.loadUnaligned(as: T.self))
    }
}
