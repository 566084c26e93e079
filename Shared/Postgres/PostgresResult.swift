import CLibPQ

/// Owns one `PGresult` and frees it when the last row or cell that reads it is gone.
///
/// `@unchecked Sendable` is safe: libpq never changes a `PGresult` after returning it, and
/// documents it as readable from any thread; this class only reads it and frees it in `deinit`.
final class PostgresResult: @unchecked Sendable {
    let pointer: OpaquePointer
    let rowCount: Int
    let columnNames: [String]
    let columnTypes: [PostgresDataType]

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
        self.rowCount = Int(PQntuples(pointer))
        let columns = PQnfields(pointer)
        // A COPY result has columns without names.
        self.columnNames = (0..<columns).map { PQfname(pointer, $0).map { String(cString: $0) } ?? "" }
        self.columnTypes = (0..<columns).map { PostgresDataType(rawValue: PQftype(pointer, $0)) }
    }

    deinit { PQclear(pointer) }

    /// The rows affected by the command (`INSERT`, `UPDATE`, `DELETE`, `COPY`, ...), or 0.
    var affectedRows: Int {
        Int(String(cString: PQcmdTuples(pointer))) ?? 0
    }

    /// The index of the column with exactly this name (case-sensitive, unlike `PQfnumber`).
    func columnIndex(named name: String) -> Int? {
        columnNames.firstIndex(of: name)
    }
}
