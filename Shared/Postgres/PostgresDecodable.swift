#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Swift type that can be read from a result cell.
///
/// Built in, with the PostgreSQL types each accepts:
/// `String` (text, varchar, char, name, json, jsonb), `Int`/`Int64` (smallint, integer, bigint),
/// `Int32` (smallint, integer), `Double` (real, double precision), `Bool`, `UUID`,
/// `Date` (timestamptz, timestamp as UTC, date as UTC midnight), `[UInt8]`/`Data` (bytea),
/// ``PostgresJSON`` (json, jsonb), and `Optional` of any of them, which reads NULL as `nil`.
/// A non-optional type reading NULL throws.
public protocol PostgresDecodable: Sendable {
    /// Reads the value from `cell`; throws ``PostgresDecodingError`` if its type or bytes do not fit.
    init(from cell: PostgresCell) throws(PostgresDecodingError)
}

extension String: PostgresDecodable {
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        if cell.dataType == .json || cell.dataType == .jsonb {
            self = try cell.withJSONText(as: String.self) { String(decoding: $0, as: UTF8.self) }
        } else if cell.dataType.isText {
            self = try cell.withBytes(as: String.self) { String(decoding: $0, as: UTF8.self) }
        } else {
            throw cell.mismatch(String.self)
        }
    }
}

extension Int64: PostgresDecodable {
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        self = try cell.signedInteger(as: Self.self)
    }
}

extension Int: PostgresDecodable {
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        self = try cell.signedInteger(as: Self.self)
    }
}

extension Int32: PostgresDecodable {
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        self = try cell.signedInteger(as: Self.self)
    }
}

extension PostgresCell {
    /// Reads smallint, integer or bigint into `T`, if `T` is wide enough for the column's type.
    fileprivate func signedInteger<T: FixedWidthInteger & SignedInteger>(as type: T.Type) throws(PostgresDecodingError) -> T {
        let accepted: [PostgresDataType] = [.int2, .int4, .int8].filter { column in
            (column == .int2 ? 2 : column == .int4 ? 4 : 8) <= MemoryLayout<T>.size
        }
        return try withBytes(as: type, accepting: accepted) { bytes throws(PostgresDecodingError) in
            switch dataType {
            case .int2: T(try integer(Int16.self, from: bytes, as: type))
            case .int4: T(try integer(Int32.self, from: bytes, as: type))
            default: T(try integer(Int64.self, from: bytes, as: type))
            }
        }
    }
}

extension Double: PostgresDecodable {
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        self = try cell.withBytes(as: Self.self, accepting: [.float8, .float4]) { bytes throws(PostgresDecodingError) in
            cell.dataType == .float4
                ? Double(Float(bitPattern: try cell.integer(UInt32.self, from: bytes, as: Self.self)))
                : Double(bitPattern: try cell.integer(UInt64.self, from: bytes, as: Self.self))
        }
    }
}

extension Bool: PostgresDecodable {
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        self = try cell.withBytes(as: Self.self, accepting: [.bool]) { bytes throws(PostgresDecodingError) in
            try cell.integer(UInt8.self, from: bytes, as: Self.self) != 0
        }
    }
}

extension UUID: PostgresDecodable {
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        self = try cell.withBytes(as: Self.self, accepting: [.uuid]) { bytes throws(PostgresDecodingError) in
            guard bytes.count == 16 else {
                throw cell.malformed(Self.self, reason: "\(bytes.count) bytes, expected 16")
            }
            var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &uuid) { $0.copyMemory(from: bytes) }
            return UUID(uuid: uuid)
        }
    }
}

extension Date: PostgresDecodable {
    /// `infinity` and `-infinity` read as `distantFuture` and `distantPast`.
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        self = try cell.withBytes(as: Self.self, accepting: [.timestamptz, .timestamp, .date]) {
            bytes throws(PostgresDecodingError) in
            if cell.dataType == .date {
                let days = try cell.integer(Int32.self, from: bytes, as: Self.self)
                switch days {
                case .max: return .distantFuture
                case .min: return .distantPast
                default: return Date(timeIntervalSinceReferenceDate: Double(Int64(days) * 86_400 - PostgresTime.secondsBeforeReferenceDate))
                }
            }
            let microseconds = try cell.integer(Int64.self, from: bytes, as: Self.self)
            switch microseconds {
            case .max: return .distantFuture
            case .min: return .distantPast
            default:
                // Whole seconds and the fraction apart, so microseconds survive the Double.
                let (seconds, fraction) = microseconds.quotientAndRemainder(dividingBy: 1_000_000)
                return Date(
                    timeIntervalSinceReferenceDate: Double(seconds - PostgresTime.secondsBeforeReferenceDate)
                        + Double(fraction) / 1_000_000)
            }
        }
    }
}

extension Array: PostgresDecodable where Element == UInt8 {
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        self = try cell.withBytes(as: Self.self, accepting: [.bytea]) { Array($0) }
    }
}

extension Data: PostgresDecodable {
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        self = try cell.withBytes(as: Self.self, accepting: [.bytea]) { Data($0) }
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        self = cell.isNull ? nil : try Wrapped(from: cell)
    }
}
