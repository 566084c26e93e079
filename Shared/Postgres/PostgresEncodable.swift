#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Swift value that can be sent to PostgreSQL as a bind parameter or a COPY field.
///
/// Values travel in PostgreSQL's binary format and are never spliced into SQL text. A
/// conformance names the PostgreSQL type it sends and writes that type's binary form
/// (the form the type's `*_send` function produces) into the buffer.
///
/// Built in: `String` (text), `Int`/`Int64` (bigint), `Int32` (integer), `Double`
/// (double precision), `Bool`, `UUID`, `Date` (timestamptz), `[UInt8]`/`Data` (bytea),
/// ``PostgresJSON`` (jsonb), and `Optional` of any of them (`nil` is SQL NULL).
public protocol PostgresEncodable: Sendable {
    /// The PostgreSQL type the value is sent as.
    static var postgresDataType: PostgresDataType { get }

    /// Writes the value's binary form.
    func encode(into buffer: inout PostgresEncodingBuffer) throws
}

/// An append-only byte buffer that a ``PostgresEncodable`` writes one value into.
///
/// Integers are written in network byte order, as PostgreSQL's binary formats expect.
public struct PostgresEncodingBuffer: Sendable {
    /// The bytes written so far; earlier values' bytes may precede this value's.
    package var bytes: [UInt8]
    /// Set by `Optional.none`: the value is SQL NULL and its bytes are ignored.
    package var isNull = false

    package init(bytes: [UInt8] = []) { self.bytes = bytes }

    /// Appends an integer in network byte order (big-endian).
    public mutating func writeInteger<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes as they are.
    public mutating func writeBytes(_ data: some Sequence<UInt8>) {
        bytes.append(contentsOf: data)
    }

    /// Appends a string's UTF-8 bytes, without a terminator.
    public mutating func writeString(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }
}

extension String: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .text }
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeString(self) }
}

extension Int: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .int8 }
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(Int64(self)) }
}

extension Int64: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .int8 }
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(self) }
}

extension Int32: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .int4 }
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(self) }
}

extension Double: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .float8 }
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(bitPattern) }
}

extension Bool: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .bool }
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(UInt8(self ? 1 : 0)) }
}

extension UUID: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .uuid }
    public func encode(into buffer: inout PostgresEncodingBuffer) {
        withUnsafeBytes(of: uuid) { buffer.bytes.append(contentsOf: $0) }
    }
}

extension Date: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .timestamptz }
    /// Sent as microseconds since 2000-01-01 UTC, PostgreSQL's own epoch; dates beyond
    /// PostgreSQL's range become `infinity` or `-infinity`.
    public func encode(into buffer: inout PostgresEncodingBuffer) throws {
        let seconds = timeIntervalSinceReferenceDate + Double(PostgresTime.secondsBeforeReferenceDate)
        let microseconds = (seconds * 1_000_000).rounded()
        guard !microseconds.isNaN else {
            throw PostgresError(code: .encoding, message: "a Date whose time interval is NaN has no timestamp")
        }
        let value: Int64 =
            if microseconds >= PostgresTime.maximumMicroseconds { .max } else if microseconds <= PostgresTime.minimumMicroseconds { .min } else {
                Int64(microseconds)
            }
        buffer.writeInteger(value)
    }
}

extension Array: PostgresEncodable where Element == UInt8 {
    public static var postgresDataType: PostgresDataType { .bytea }
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeBytes(self) }
}

extension Data: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .bytea }
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeBytes(self) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { Wrapped.postgresDataType }
    public func encode(into buffer: inout PostgresEncodingBuffer) throws {
        switch self {
        case .some(let value): try value.encode(into: &buffer)
        case .none: buffer.isNull = true
        }
    }
}

/// PostgreSQL's timestamp representation: microseconds since 2000-01-01 00:00:00 UTC.
enum PostgresTime {
    /// Seconds from PostgreSQL's epoch, 2000-01-01, to Foundation's reference date, 2001-01-01.
    static let secondsBeforeReferenceDate: Int64 = 31_622_400
    /// Microseconds, as `Double`, beyond which a Date is sent as an infinity.
    static let maximumMicroseconds = Double(Int64.max)
    static let minimumMicroseconds = Double(Int64.min)
}
