/// A post's text as the matchers read it: folded words with their places in the original.
struct TokenizedText: Sendable {
    /// Every token's folded bytes, back to back.
    var bytes: [UInt8]
    var tokens: [Token]
    /// The original text's length in UTF-16 code units.
    var utf16Count: Int
    /// Whether the text has a digit (read as a digit) or an "@": phone numbers, addresses,
    /// postcodes and email addresses all need one, and most posts have neither.
    var mayHoldPersonalData: Bool
    /// Whether the text has an "@" byte (which an email address needs).
    var hasAtSign: Bool

    /// The folded letters of token `index`.
    func plain(_ index: Int) -> ArraySlice<UInt8> {
        let range = tokens[index].plain
        return bytes[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// The disguise-free reading of token `index` (its plain letters when it was not disguised).
    func leet(_ index: Int) -> ArraySlice<UInt8> {
        let token = tokens[index]
        let range = token.flags.contains(.disguised) ? token.leet : token.plain
        return bytes[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// Where the disguise-free reading of token `index` (`leet(index)`) is in `bytes`.
    func readingRange(_ index: Int) -> Range<Int> {
        let token = tokens[index]
        let range = token.flags.contains(.disguised) ? token.leet : token.plain
        return Int(range.lowerBound)..<Int(range.upperBound)
    }

    /// The folded word as a string, for evidence and debugging.
    func word(_ index: Int) -> String {
        String(decoding: leet(index), as: UTF8.self)
    }

    /// The span of tokens `range` in the original text.
    func span(_ range: Range<Int>) -> (start: Int, end: Int) {
        (Int(tokens[range.lowerBound].utf16.lowerBound), Int(tokens[range.upperBound - 1].utf16.upperBound))
    }
}
