import Foundation

/// How one Unicode scalar reads once folded for matching: NFKC compatibility forms, case, accents,
/// look-alike letters from other scripts, and characters that are invisible on screen.
enum ScalarClass: UInt8, Sendable {
    /// A letter or digit; its folded form is in the folding table.
    case letter
    /// Shown as nothing (zero-width spaces and joiners, soft hyphens, combining marks,
    /// variation selectors): dropped, so it cannot split a word.
    case invisible
    /// Inside a word can stand for a letter (`sh!t`, `@ss`, `f*ck`).
    case symbol
    /// An apostrophe: splits "don't" into "don" and "t", and is remembered so a pattern may
    /// also be written joined ("dont").
    case apostrophe
    /// Ends a sentence (. ! ? and line breaks): a first name after it is not taken as a name
    /// by capitalisation alone.
    case sentenceEnd
    /// Anything else: spaces, punctuation, emoji, symbols.
    case separator
}

/// The folding table: built once per process, read without locks.
struct ScalarFolding: Sendable {
    struct Entry: Sendable {
        var kind: ScalarClass
        /// The folded ASCII (or lower-cased UTF-8) bytes of a letter; the stand-in letter of a
        /// symbol.
        var bytes: [UInt8]
        /// The scalar was upper case before folding (for telling "Will" from "will").
        var upper: Bool
    }

    static let shared = ScalarFolding()

    /// ASCII, indexed by byte.
    let ascii: [Entry]
    /// ASCII again, without the entries' byte arrays: what the tokenizer needs of punctuation and
    /// symbols, read per character without retaining anything.
    let asciiMarks: [ASCIIMark]

    /// An ASCII character's class and, for a symbol, the letter it stands for.
    struct ASCIIMark: Sendable {
        var kind: ScalarClass
        var standIn: UInt8
    }
    /// The ASCII characters that end a word, as bit sets.
    let asciiBreaks: ASCIIBreaks

    /// ASCII characters that end a word, tested without a table lookup.
    struct ASCIIBreaks: Sendable {
        /// Separators and sentence ends: they end a word and do nothing else to it.
        var wordEnds: ASCIISet
        /// The sentence ends among `wordEnds`.
        var sentenceEnds: ASCIISet
        /// Apostrophes: they end a word and join it to the next.
        var apostrophes: ASCIISet
    }

    /// A set of ASCII characters as two words of bits, tested without a table lookup.
    struct ASCIISet: Sendable {
        private var low: UInt64 = 0
        private var high: UInt64 = 0

        init(_ members: some Sequence<UInt8>) {
            for byte in members where byte < 128 {
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
        }

        /// Whether `byte` is in the set; false for every byte from 128 up.
        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            let bits = byte < 64 ? low : byte < 128 ? high : 0
            return bits >> UInt64(byte & 63) & 1 != 0
        }
    }

    /// Every non-ASCII scalar in the ranges people use to dress up letters.
    let table: [UInt32: Entry]

    private init() {
        var ascii = [Entry](repeating: Entry(kind: .separator, bytes: [], upper: false), count: 128)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { ascii[Int(byte)] = Entry(kind: .letter, bytes: [byte], upper: false) }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { ascii[Int(byte)] = Entry(kind: .letter, bytes: [byte + 32], upper: true) }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { ascii[Int(byte)] = Entry(kind: .letter, bytes: [byte], upper: false) }
        for (symbol, letter) in [("@", "a"), ("$", "s"), ("!", "i"), ("|", "l"), ("+", "t"), ("*", "*"), ("#", "*")] {
            ascii[Int(symbol.utf8.first!)] = Entry(kind: .symbol, bytes: Array(letter.utf8), upper: false)
        }
        ascii[Int(UInt8(ascii: "'"))] = Entry(kind: .apostrophe, bytes: [], upper: false)
        ascii[Int(UInt8(ascii: "`"))] = Entry(kind: .apostrophe, bytes: [], upper: false)
        for end in [".", "?", "\n", "\r"] { ascii[Int(end.utf8.first!)] = Entry(kind: .sentenceEnd, bytes: [], upper: false) }
        // "!" ends a sentence unless it sits inside a word; the tokenizer decides.
        self.ascii = ascii
        asciiMarks = ascii.map { entry in
            precondition(entry.kind != .symbol || entry.bytes.count == 1, "an ASCII symbol stands for one letter")
            return ASCIIMark(kind: entry.kind, standIn: entry.bytes.first ?? 0)
        }

        func asciiOf(_ kinds: ScalarClass...) -> ASCIISet {
            ASCIISet((0..<128).filter { kinds.contains(ascii[$0].kind) }.map { UInt8($0) })
        }
        asciiBreaks = ASCIIBreaks(
            wordEnds: asciiOf(.separator, .sentenceEnd), sentenceEnds: asciiOf(.sentenceEnd), apostrophes: asciiOf(.apostrophe))

        var table: [UInt32: Entry] = [:]
        let ranges: [ClosedRange<UInt32>] = [
            0x80...0x24F,  // Latin-1, Latin Extended A and B
            0x250...0x2AF,  // IPA (ɡ, ɑ, ɩ look like Latin letters)
            0x2B0...0x36F,  // modifier letters, combining marks
            0x370...0x3FF,  // Greek
            0x400...0x52F,  // Cyrillic
            0x1D00...0x1DBF,  // phonetic extensions (small capitals)
            0x1E00...0x1EFF,  // Latin Extended Additional
            0x2000...0x206F,  // general punctuation, zero-width characters
            0x2070...0x209F,  // superscripts and subscripts
            0x20A0...0x20CF,  // currency (€ for e)
            0x2100...0x214F,  // letterlike symbols
            0x2150...0x218F,  // number forms
            0x2460...0x24FF,  // enclosed alphanumerics (Ⓕ)
            0xFE00...0xFE0F,  // variation selectors
            0xFE20...0xFE2F,  // combining half marks
            0xFEFF...0xFEFF,  // byte order mark
            0xFF00...0xFFEF,  // full-width forms
            0x1D400...0x1D7FF,  // mathematical alphanumerics (𝐟𝐮𝐜𝐤)
            0x1F100...0x1F1FF,  // enclosed alphanumeric supplement (🅵), regional indicators
            0xE0000...0xE007F,  // tags
        ]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), let entry = Self.fold(scalar) else { continue }
                table[value] = entry
            }
        }
        self.table = table
    }

    /// The entry for a scalar outside the table: letters of other scripts keep their lower-cased
    /// selves; marks and format characters vanish; everything else separates words.
    func entry(for scalar: Unicode.Scalar) -> Entry {
        if scalar.value < 128 { return ascii[Int(scalar.value)] }
        if let entry = table[scalar.value] { return entry }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            return Entry(kind: .invisible, bytes: [], upper: false)
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber:
            return Entry(kind: .letter, bytes: Array(String(scalar).lowercased().utf8), upper: properties.isUppercase)
        default:
            return Entry(kind: .separator, bytes: [], upper: false)
        }
    }

    private static func fold(_ scalar: Unicode.Scalar) -> Entry? {
        if let special = specials[scalar.value] { return special }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            return Entry(kind: .invisible, bytes: [], upper: false)
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return nil
        default:
            break
        }
        let upper = properties.isUppercase
        // NFKD, then drop the marks: "é" → "e", "ﬁ" → "fi", "𝐟" → "f", "Ⓕ" → "f", "①" → "1".
        var folded: [UInt8] = []
        for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch part.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            let lower = String(part).lowercased().unicodeScalars
            for piece in lower {
                if let lookalike = lookalikes[piece.value] {
                    folded.append(lookalike)
                } else if piece.isASCII, let byte = UInt8(exactly: piece.value), isAlphanumeric(byte) {
                    folded.append(byte)
                } else {
                    return nil
                }
            }
        }
        guard !folded.isEmpty else { return nil }
        return Entry(kind: .letter, bytes: folded, upper: upper)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Letters of other scripts that look like Latin ones, after lower-casing.
    private static let lookalikes: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        func add(_ letters: String, _ latin: Character) {
            for scalar in letters.unicodeScalars { map[scalar.value] = latin.asciiValue! }
        }
        // Cyrillic
        add("а", "a"); add("в", "b"); add("е", "e"); add("ё", "e"); add("к", "k"); add("м", "m"); add("н", "h")
        add("о", "o"); add("р", "p"); add("с", "c"); add("т", "t"); add("у", "y"); add("х", "x"); add("ѕ", "s")
        add("і", "i"); add("ї", "i"); add("ј", "j"); add("ԁ", "d"); add("ԛ", "q"); add("ԝ", "w"); add("ɡ", "g")
        add("ь", "b"); add("п", "n"); add("г", "r"); add("ѵ", "v"); add("һ", "h"); add("ӏ", "l")
        // Greek
        add("α", "a"); add("β", "b"); add("ε", "e"); add("η", "n"); add("ι", "i"); add("κ", "k"); add("ν", "v")
        add("ο", "o"); add("ρ", "p"); add("τ", "t"); add("υ", "u"); add("χ", "x"); add("γ", "y"); add("ω", "w")
        add("μ", "u"); add("ς", "s"); add("σ", "o"); add("ϲ", "c"); add("ϳ", "j")
        // IPA and Latin letters NFKD leaves alone
        add("ɑ", "a"); add("ɩ", "i"); add("ı", "i"); add("ɪ", "i"); add("ʏ", "y"); add("ʀ", "r"); add("ᴋ", "k")
        add("ø", "o"); add("ł", "l"); add("đ", "d"); add("ħ", "h"); add("ŧ", "t"); add("ƅ", "b"); add("ɓ", "b")
        return map
    }()

    /// Scalars folded by hand: ligatures NFKD keeps, invisible ones it does not remove.
    private static let specials: [UInt32: Entry] = {
        var map: [UInt32: Entry] = [:]
        func letters(_ scalar: UInt32, _ text: String, upper: Bool = false) {
            map[scalar] = Entry(kind: .letter, bytes: Array(text.utf8), upper: upper)
        }
        letters(0xDF, "ss"); letters(0x1E9E, "ss", upper: true)
        letters(0xE6, "ae"); letters(0xC6, "ae", upper: true)
        letters(0x153, "oe"); letters(0x152, "oe", upper: true)
        letters(0xFE, "th"); letters(0xDE, "th", upper: true)
        letters(0xD8, "o", upper: true); letters(0x141, "l", upper: true)
        for invisible: UInt32 in [0xAD, 0x34F, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF] {
            map[invisible] = Entry(kind: .invisible, bytes: [], upper: false)
        }
        for apostrophe: UInt32 in [0x2018, 0x2019, 0x201B, 0x2032, 0xFF07, 0x2BC] {
            map[apostrophe] = Entry(kind: .apostrophe, bytes: [], upper: false)
        }
        for end: UInt32 in [0x2026, 0x2028, 0x2029, 0x3002, 0xFF0E, 0xFF1F, 0xFF01, 0x85] {
            map[end] = Entry(kind: .sentenceEnd, bytes: [], upper: false)
        }
        map[0x20AC] = Entry(kind: .symbol, bytes: Array("e".utf8), upper: false)  // €
        map[0xA3] = Entry(kind: .separator, bytes: [], upper: false)  // £ is money, not an l
        for dash: UInt32 in [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015] {
            map[dash] = Entry(kind: .separator, bytes: [], upper: false)
        }
        return map
    }()
}
