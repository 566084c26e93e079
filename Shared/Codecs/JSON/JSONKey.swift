import Foundation

/// An object's key as it appears in the document, matched against literals without making a
/// `String` (`case "text":` in a `switch`), for ``JSONCursor``.
public struct JSONKey: Equatable {
    public let bytes: UnsafeBufferPointer<UInt8>

    @inlinable
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    @inlinable
    public static func == (lhs: JSONKey, rhs: JSONKey) -> Bool {
        lhs.bytes.count == rhs.bytes.count && memcmp(lhs.bytes.baseAddress!, rhs.bytes.baseAddress!, lhs.bytes.count) == 0
    }

    @inlinable
    public static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        pattern.utf8CodeUnitCount == key.bytes.count && memcmp(pattern.utf8Start, key.bytes.baseAddress!, key.bytes.count) == 0
    }
}
