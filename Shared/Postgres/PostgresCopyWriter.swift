import CLibPQ

/// Writes rows into a running `COPY ... FROM STDIN`, in PostgreSQL's binary COPY format.
///
/// Handed to the closure of ``PostgresConnection/copy(into:schema:columns:_:)``; append one
/// row per call, one value per column in the order the columns were named:
///
/// ```swift
/// try await connection.copy(into: "posts", columns: ["id", "account", "body"]) { writer in
///     for post in posts { try writer.append(post.id, post.account, post.body) }
/// }
/// ```
///
/// Values are never turned into text, so tabs, newlines, backslashes and any Unicode need
/// no escaping. Each value's type is checked against its column's before it is written, because
/// binary COPY has no implicit casts: an `Int` (bigint) does not fit an `integer` column.
/// Rows are streamed in chunks of about 256 KiB.
public struct PostgresCopyWriter: ~Copyable {
    /// A target column and what its values may be.
    struct Column {
        var name: String
        /// The column's type, or its base type for a domain.
        var baseType: PostgresDataType
        /// `pg_type.typcategory` of the base type: `S` string, `E` enum, ...
        var category: String
        /// The column's declared type, for messages.
        var typeName: String
        /// The last value type found to fit, so the check is one comparison per field.
        var acceptedType: PostgresDataType?
    }

    /// The size at which the buffered rows are sent.
    static let chunkSize = 256 * 1024

    private let connection: LibPQConnection
    private let handle: OpaquePointer
    private let statement: String
    private let table: String
    private var columns: [Column]
    private var buffer = PostgresEncodingBuffer()
    /// Rows appended so far.
    public private(set) var rowCount = 0
    /// Why the COPY cannot go on: usually the server's error (a duplicate key, a bad value),
    /// which it sends as soon as it meets the row, while rows are still being sent.
    private(set) var failure: PostgresError?

    init(connection: LibPQConnection, handle: OpaquePointer, statement: String, table: String, columns: [Column]) {
        self.connection = connection
        self.handle = handle
        self.statement = statement
        self.table = table
        self.columns = columns
        buffer.bytes.reserveCapacity(Self.chunkSize + 64 * 1024)
        // Header: signature, flags (no OIDs), header extension length.
        buffer.writeBytes(Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00])
        buffer.writeInteger(Int32(0))
        buffer.writeInteger(Int32(0))
    }

    /// Appends one row: exactly one value per column, in the order the columns were named;
    /// `nil` (an `Optional`) is NULL.
    /// - Throws: ``PostgresError`` `.invalidUsage` if the count or a type does not fit the columns,
    ///   `.encoding` if a value cannot be encoded, `.connectionLost` if sending failed.
    public mutating func append<each Value: PostgresEncodable>(_ values: repeat each Value) throws(PostgresError) {
        if let failure { throw failure }
        let rowStart = buffer.bytes.count
        buffer.writeInteger(Int16(truncatingIfNeeded: columns.count))
        var index = 0
        do throws(PostgresError) {
            for value in repeat each values {
                try write(value, column: index)
                index += 1
            }
            guard index == columns.count else {
                throw PostgresError(
                    code: .invalidUsage,
                    message: "COPY into \(table): a row has \(index) values for \(columns.count) columns")
            }
        } catch {
            buffer.bytes.removeSubrange(rowStart...)
            throw error
        }
        rowCount += 1
        if buffer.bytes.count >= Self.chunkSize {
            try send()
        }
    }

    /// Writes one field: its length (-1 for NULL), then its bytes.
    private mutating func write<Value: PostgresEncodable>(_ value: Value, column index: Int) throws(PostgresError) {
        guard index < columns.count else {
            throw PostgresError(
                code: .invalidUsage,
                message: "COPY into \(table): a row has more values than the \(columns.count) columns")
        }
        if columns[index].acceptedType != Value.postgresDataType {
            try accept(Value.self, column: index)
        }
        let lengthOffset = buffer.bytes.count
        buffer.writeInteger(Int32(0))
        buffer.isNull = false
        do {
            try value.encode(into: &buffer)
        } catch {
            throw PostgresError(
                code: .encoding,
                message: "COPY into \(table): cannot encode column \(columns[index].name) (\(Value.self)): \(error)")
        }
        let length = buffer.isNull ? -1 : Int32(truncatingIfNeeded: buffer.bytes.count - lengthOffset - 4)
        if buffer.isNull { buffer.bytes.removeSubrange((lengthOffset + 4)...) }
        buffer.bytes.withUnsafeMutableBytes {
            $0.storeBytes(of: length.bigEndian, toByteOffset: lengthOffset, as: Int32.self)
        }
    }

    /// Checks that values of `Value`'s type can go into the column as they are.
    private mutating func accept<Value: PostgresEncodable>(_: Value.Type, column index: Int) throws(PostgresError) {
        let column = columns[index]
        let type = Value.postgresDataType
        // Text's binary form is its UTF-8, which every string-like type and enums read alike.
        let fits = type == column.baseType || (type == .text && (column.category == "S" || column.category == "E"))
        guard fits else {
            throw PostgresError(
                code: .invalidUsage,
                message: "COPY into \(table): column \(column.name) is \(column.typeName), "
                    + "but the value is \(Value.self), sent as \(type)")
        }
        columns[index].acceptedType = type
    }

    /// Sends the buffered bytes; throws, and keeps, the reason if the COPY cannot go on.
    mutating func send() throws(PostgresError) {
        if let failure { throw failure }
        guard !buffer.bytes.isEmpty else { return }
        let sent = buffer.bytes.withUnsafeBytes { bytes in
            PQputCopyData(handle, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        }
        buffer.bytes.removeAll(keepingCapacity: true)
        guard sent == 1 else {
            // libpq stops the COPY when the server reports an error; that error is the reason.
            let error = connection.copyFailure(handle, statement: statement)
            failure = error
            throw error
        }
    }

    /// Appends the trailer and sends what is left.
    mutating func finish() throws(PostgresError) {
        buffer.writeInteger(Int16(-1))
        try send()
    }
}
