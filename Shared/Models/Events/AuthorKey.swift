/// Who wrote a post, as one stable string: `platform:handle`, such as `facebook:jane.stanford.77`.
///
/// Verdicts and cases are grouped by school and author key, so repeat posts by the same author in
/// the same school join the same case. Handles are compared without case and without a leading `@`.
public struct AuthorKey: RawRepresentable, Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The key as written on the wire.
    public var rawValue: String

    /// A key exactly as given, for one read back from a message or the database.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The key for `handle` on `platform`: trimmed, without a leading `@`, in lower case.
    public init(platform: MonitoredAccount.Platform, handle: String) {
        if let key = Self.asciiKey(platform: platform, handle: handle) {
            rawValue = key
            return
        }
        var handle = Substring(handle).drop { $0.isWhitespace }
        while handle.last?.isWhitespace == true { handle = handle.dropLast() }
        if handle.first == "@" { handle = handle.dropFirst() }
        rawValue = "\(platform.rawValue):\(handle.lowercased())"
    }

    /// The key for an ASCII handle that neither starts nor ends with whitespace (nearly every
    /// handle), written byte by byte: what the general path below gives, without splitting the
    /// handle into Characters to trim it or making a lower-cased copy to interpolate. nil for
    /// any other handle.
    private static func asciiKey(platform: MonitoredAccount.Platform, handle: String) -> String? {
        var handle = handle
        return handle.withUTF8 { utf8 -> String? in
            guard let first = utf8.first, let last = utf8.last, !isASCIIWhitespace(first), !isASCIIWhitespace(last),
                !utf8.contains(where: { $0 >= 0x80 })
            else { return nil }
            let prefix = platform.rawValue.utf8
            let dropped = first == UInt8(ascii: "@") ? 1 : 0
            return String(unsafeUninitializedCapacity: prefix.count + 1 + utf8.count - dropped) { key in
                var at = 0
                for byte in prefix {
                    key[at] = byte
                    at += 1
                }
                key[at] = UInt8(ascii: ":")
                at += 1
                for byte in utf8[dropped...] {
                    key[at] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                    at += 1
                }
                return at
            }
        }
    }

    /// The ASCII characters `Character.isWhitespace` is true of: tab, line feed, vertical tab,
    /// form feed, carriage return (alone or before a line feed) and space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        (0x09...0x0D).contains(byte) || byte == 0x20
    }

    public var description: String { rawValue }

    public static func < (lhs: AuthorKey, rhs: AuthorKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
