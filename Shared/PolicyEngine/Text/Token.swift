/// One word of a post after folding, with where it came from in the original text.
struct Token: Sendable, Hashable {
    struct Flags: OptionSet, Sendable, Hashable {
        let rawValue: UInt16
        /// The first letter was upper case in the original.
        static let capitalised = Flags(rawValue: 1 << 0)
        /// Every letter was upper case (shouting, or an acronym).
        static let allCaps = Flags(rawValue: 1 << 1)
        /// The first word of the text or of a sentence.
        static let sentenceStart = Flags(rawValue: 1 << 2)
        /// An apostrophe joins this word to the next ("don" ' "t").
        static let apostropheAfter = Flags(rawValue: 1 << 3)
        /// Only digits.
        static let number = Flags(rawValue: 1 << 4)
        /// Holds a symbol or digit standing for a letter; `leet` holds the reading.
        static let disguised = Flags(rawValue: 1 << 5)
        /// Holds `*` or `#` standing for unknown letters.
        static let wildcard = Flags(rawValue: 1 << 6)
        /// A letter repeated three or more times in a row ("fuuuuck").
        static let stretched = Flags(rawValue: 1 << 7)
        /// Joined from single letters spaced apart ("f u c k", "s.h.i.t").
        static let joined = Flags(rawValue: 1 << 8)
        /// Preceded by a line break, or by a sentence end.
        static let afterBreak = Flags(rawValue: 1 << 9)
        /// Began with "@" or "#": a handle or a hashtag.
        static let tagged = Flags(rawValue: 1 << 10)
    }

    /// The folded letters and digits, in `TokenizedText.bytes`.
    var plain: Range<Int32>
    /// The reading with symbols and digits taken as letters (`sh!t` → `shit`), when disguised.
    var leet: Range<Int32>
    /// Where the word is in the original text, in UTF-16 code units.
    var utf16: Range<Int32>
    var flags: Flags
}
