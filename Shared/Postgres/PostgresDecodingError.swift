/// A result value could not be decoded as the Swift type asked for.
///
/// `description` is one line naming the column, the type asked for and what was found, e.g.
/// `cannot decode column "age" (index 2) as Int: it is text`.
public struct PostgresDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why decoding failed.
    public enum Kind: Sendable, Hashable {
        /// The column's PostgreSQL type cannot be read as the Swift type.
        case typeMismatch
        /// The value is NULL and the Swift type is not optional.
        case unexpectedNull
        /// The bytes are not a valid value of the type (bad JSON, wrong length, ...).
        case malformed
        /// The result has no column of that name.
        case missingColumn
        /// The row's column count differs from the tuple's arity.
        case columnCountMismatch
        /// The row has no column at that index.
        case indexOutOfRange
    }

    public var kind: Kind
    /// The column's name, as the server sent it.
    public var column: String
    /// The column's position, from 0; `nil` where no single column is meant.
    public var columnIndex: Int?
    /// The Swift type asked for.
    public var expectedType: String
    /// What the column holds: its PostgreSQL type, `NULL`, or a count of columns.
    public var found: String
    /// Further explanation, e.g. the JSON decoder's message.
    public var reason: String?

    public init(
        kind: Kind, column: String, columnIndex: Int?, expectedType: String, found: String, reason: String? = nil
    ) {
        self.kind = kind
        self.column = column
        self.columnIndex = columnIndex
        self.expectedType = expectedType
        self.found = found
        self.reason = reason
    }

    public var description: String {
        let place = columnIndex.map { "column \"\(column)\" (index \($0))" } ?? "column \"\(column)\""
        let text: String =
            switch kind {
            case .typeMismatch:
                "cannot decode \(place) as \(expectedType): it is \(found)"
            case .unexpectedNull:
                "cannot decode \(place) as \(expectedType): it is NULL (decode \(expectedType)? to allow NULL)"
            case .malformed:
                "cannot decode \(place) as \(expectedType): malformed \(found)\(reason.map { ": \($0)" } ?? "")"
            case .missingColumn:
                "cannot decode \(place) as \(expectedType): the result has no such column (it has \(found))"
            case .columnCountMismatch:
                "cannot decode a row of \(found) columns as \(expectedType)"
            case .indexOutOfRange:
                "cannot decode column index \(columnIndex ?? -1) as \(expectedType): the row has \(found) columns"
            }
        return PostgresError.oneLine(text)
    }
}
