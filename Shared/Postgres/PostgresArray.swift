#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A one-dimensional array bound as one parameter (`integer[]`, `uuid[]`, `jsonb[]`, ...), for
/// statements that take many rows at once: `SELECT ... FROM unnest($1, $2, ...) AS b(x, y, ...)`.
///
/// One statement with arrays does what a temporary table filled by `COPY` does, without creating
/// and dropping a table (catalog writes and a file) in every transaction. Sent in the binary form
/// `array_send` writes: dimensions, a null flag, the element type, then each element's length and
/// bytes (-1 for NULL).
public struct PostgresArray<Element: PostgresArrayElement>: PostgresEncodable {
    public var elements: [Element]

    public init(_ elements: [Element]) {
        self.elements = elements
    }

    public static var postgresDataType: PostgresDataType { Element.postgresArrayDataType }

    public func encode(into buffer: inout PostgresEncodingBuffer) throws {
        let header = buffer.bytes.count
        buffer.writeInteger(Int32(elements.isEmpty ? 0 : 1))  // dimensions
        buffer.writeInteger(Int32(0))  // has nulls: set below if one is written
        buffer.writeInteger(Element.postgresDataType.rawValue)
        guard !elements.isEmpty else { return }
        guard let count = Int32(exactly: elements.count) else {
            throw PostgresError(code: .encoding, message: "an array of \(elements.count) elements is too long for PostgreSQL")
        }
        buffer.writeInteger(count)
        buffer.writeInteger(Int32(1))  // lower bound
        var hasNulls = false
        for element in elements {
            let lengthAt = buffer.bytes.count
            buffer.writeInteger(Int32(0))
            try element.encode(into: &buffer)
            let length: Int32
            if buffer.isNull {
                buffer.isNull = false
                buffer.bytes.removeSubrange((lengthAt + 4)...)
                hasNulls = true
                length = -1
            } else {
                guard let written = Int32(exactly: buffer.bytes.count - lengthAt - 4) else {
                    throw PostgresError(
                        code: .encoding, message: "an array element of \(buffer.bytes.count - lengthAt - 4) bytes is too long for PostgreSQL")
                }
                length = written
            }
            buffer.bytes.withUnsafeMutableBytes { $0.storeBytes(of: length.bigEndian, toByteOffset: lengthAt, as: Int32.self) }
        }
        if hasNulls { buffer.bytes[header + 7] = 1 }
    }
}

/// A value that can be an element of a ``PostgresArray``: it names the array type it makes.
public protocol PostgresArrayElement: PostgresEncodable {
    /// The PostgreSQL type of an array of these, such as `integer[]` for `integer`.
    static var postgresArrayDataType: PostgresDataType { get }
}

extension String: PostgresArrayElement {
    public static var postgresArrayDataType: PostgresDataType { .textArray }
}

extension Int: PostgresArrayElement {
    public static var postgresArrayDataType: PostgresDataType { .int8Array }
}

extension Int64: PostgresArrayElement {
    public static var postgresArrayDataType: PostgresDataType { .int8Array }
}

extension Int32: PostgresArrayElement {
    public static var postgresArrayDataType: PostgresDataType { .int4Array }
}

extension Bool: PostgresArrayElement {
    public static var postgresArrayDataType: PostgresDataType { .boolArray }
}

extension UUID: PostgresArrayElement {
    public static var postgresArrayDataType: PostgresDataType { .uuidArray }
}

extension Date: PostgresArrayElement {
    public static var postgresArrayDataType: PostgresDataType { .timestamptzArray }
}

extension Optional: PostgresArrayElement where Wrapped: PostgresArrayElement {
    public static var postgresArrayDataType: PostgresDataType { Wrapped.postgresArrayDataType }
}
