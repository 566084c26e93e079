/// A stretch of a post's original, unaltered text: the half-open range `start..<end` counted in
/// UTF-16 code units from the start of the text.
///
/// UTF-16 because that is how JavaScript (`text.slice(start, end)`) and `NSRange` count, so a case
/// page can highlight evidence without converting. An emoji such as 👩‍👩‍👧 is several code units;
/// a decomposed `é` (`e` + U+0301) is two. On the wire the keys say the unit:
/// `{"utf16_start": 4, "utf16_end": 9}`. Use ``substring(of:)`` to read the span back, never
/// `String` subscripts with character offsets.
public struct TextSpan: Codable, Sendable, Hashable {
    /// The first UTF-16 code unit in the span.
    public let start: Int
    /// The first UTF-16 code unit after the span.
    public let end: Int

    /// The span `start..<end`; requires `0 <= start <= end`.
    public init(start: Int, end: Int) {
        precondition(0 <= start && start <= end, "a span runs forwards from 0 or later")
        self.start = start
        self.end = end
    }

    /// The span of `range`, whose indices are positions in `text` (as a search of `text` returns them).
    public init(_ range: Range<String.Index>, in text: String) {
        let utf16 = text.utf16
        let start = utf16.distance(from: utf16.startIndex, to: range.lowerBound)
        self.init(start: start, end: start + utf16.distance(from: range.lowerBound, to: range.upperBound))
    }

    /// How many UTF-16 code units the span covers.
    public var length: Int { end - start }

    /// Exactly the Unicode scalars the span covers in `text`, or nil if the span runs past the
    /// end of `text` or either end falls inside a character's UTF-16 surrogate pair.
    ///
    /// An end between a letter and its combining accent is allowed and is not moved: the result
    /// holds the scalars in the span, no more and no fewer (`String`'s own subscripts would round
    /// such an end to a character boundary).
    public func substring(of text: String) -> Substring? {
        let utf16 = text.utf16
        guard let lower = utf16.index(utf16.startIndex, offsetBy: start, limitedBy: utf16.endIndex),
            let upper = utf16.index(lower, offsetBy: length, limitedBy: utf16.endIndex),
            let first = lower.samePosition(in: text.unicodeScalars),
            let last = upper.samePosition(in: text.unicodeScalars)
        else { return nil }
        return Substring(text.unicodeScalars[first..<last])
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Int.self, forKey: .start)
        let end = try container.decode(Int.self, forKey: .end)
        guard start >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .start, in: container, debugDescription: "negative: \(start)")
        }
        guard end >= start else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: "\(end) is before the start, \(start)")
        }
        self.init(start: start, end: end)
    }

    enum CodingKeys: String, CodingKey {
        case start = "utf16_start"
        case end = "utf16_end"
    }
}
