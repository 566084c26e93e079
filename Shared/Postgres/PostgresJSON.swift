#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A `Codable` value stored as `jsonb` (and read from `jsonb` or `json`).
///
/// ```swift
/// try await client.execute("INSERT INTO posts (meta) VALUES (\(PostgresJSON(meta)))")
/// let meta = try row.decode(PostgresJSON<Meta>.self, column: "meta").value
/// ```
public struct PostgresJSON<Value: Codable & Sendable>: Sendable {
    /// The wrapped value.
    public var value: Value

    public init(_ value: Value) { self.value = value }
}

extension PostgresJSON: Equatable where Value: Equatable {}
extension PostgresJSON: Hashable where Value: Hashable {}

/// jsonb's binary form is a version byte followed by the JSON text.
private let jsonbVersion: UInt8 = 1

/// Shared because making an encoder per value is a measurable part of a bulk COPY; encoding
/// with one encoder from several threads is safe.
private let jsonEncoder = JSONEncoder()

extension PostgresJSON: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .jsonb }

    public func encode(into buffer: inout PostgresEncodingBuffer) throws {
        buffer.writeInteger(jsonbVersion)
        buffer.writeBytes(try jsonEncoder.encode(value))
    }
}

extension PostgresJSON: PostgresDecodable {
    public init(from cell: PostgresCell) throws(PostgresDecodingError) {
        let text = try cell.withJSONText(as: Self.self) { Data($0) }
        do {
            value = try JSONDecoder().decode(Value.self, from: text)
        } catch {
            throw cell.malformed(Self.self, reason: "\(error)")
        }
    }
}

extension PostgresCell {
    /// Calls `body` with the JSON text of a `json` or `jsonb` cell; `type` names what the caller
    /// decodes, for errors.
    func withJSONText<Result>(
        as type: Any.Type, _ body: (UnsafeRawBufferPointer) throws(PostgresDecodingError) -> Result
    ) throws(PostgresDecodingError) -> Result {
        if dataType == .json {
            return try withBytes(as: type, body)
        }
        return try withBytes(as: type, accepting: [.jsonb]) { bytes throws(PostgresDecodingError) in
            // jsonb's binary form is a version byte, then the JSON text.
            guard bytes.first == jsonbVersion else {
                throw malformed(type, reason: "unknown jsonb format version")
            }
            return try body(UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
        }
    }
}
