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
        var handle = Substring(handle).drop { $0.isWhitespace }
        while handle.last?.isWhitespace == true { handle = handle.dropLast() }
        if handle.first == "@" { handle = handle.dropFirst() }
        rawValue = "\(platform.rawValue):\(handle.lowercased())"
    }

    public var description: String { rawValue }

    public static func < (lhs: AuthorKey, rhs: AuthorKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
