/// An author's own statement of their age: "I'm 11", "im only 12", "I'm in year 6", "my 12th
/// birthday".
struct DeclaredAge: Sendable {
    var years: Int
    var tokens: Range<Int>
    /// Said for a group or without "I" ("we're all in year 5", "yr 5 at d'Auvergne represent"):
    /// weaker, so only taken from authors the roster and the platform do not know.
    var implicit = false

    private static let numberWords: [String: Int] = [
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    ]
    private static let hedges: Set<String> = ["only", "nearly", "almost", "just", "literally", "actually", "still", "now", "like", "all", "both"]

    /// Whether a token reading `word` is one of the words `find` reads on from (the cases of
    /// its `switch`: "im", "i", "we", "year", "yr", "y", "my"), compared in place: most words of
    /// a post are none of them, and making a String of each to find out cost more than the rest.
    /// The matcher asks it of every token as it passes (`TextView.ageOpeners`), rather than
    /// `find` walking the tokens again.
    @inline(__always)
    static func opens(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        switch word.count {
        case 1: return word[0] == UInt8(ascii: "i") || word[0] == UInt8(ascii: "y")
        case 2:
            let pair = (word[0], word[1])
            return pair == (UInt8(ascii: "i"), UInt8(ascii: "m")) || pair == (UInt8(ascii: "w"), UInt8(ascii: "e"))
                || pair == (UInt8(ascii: "y"), UInt8(ascii: "r")) || pair == (UInt8(ascii: "m"), UInt8(ascii: "y"))
        case 4:
            return word[0] == UInt8(ascii: "y") && word[1] == UInt8(ascii: "e") && word[2] == UInt8(ascii: "a") && word[3] == UInt8(ascii: "r")
        default: return false
        }
    }

    static func find(in view: TextView) -> DeclaredAge? {
        let text = view.tokenized
        let count = text.tokens.count
        func word(_ index: Int) -> String? { index < count ? text.word(index) : nil }
        func number(_ index: Int) -> Int? {
            guard let word = word(index) else { return nil }
            if text.tokens[index].flags.contains(.number) { return Int(String(decoding: text.plain(index), as: UTF8.self)) }
            if let value = numberWords[word] { return value }
            // "y6", "yr6", "11yo", "12th"
            return nil
        }
        /// Whether token `index` reads `literal` (ASCII): `word(index) == literal`, compared in
        /// place, since a word's letters never combine into other Characters. Most openers lead
        /// nowhere, and making Strings of them and the words after them cost more than the rest.
        func reads(_ index: Int, _ literal: StaticString) -> Bool {
            guard index < count else { return false }
            let range = text.readingRange(index)
            guard range.count == literal.utf8CodeUnitCount else { return false }
            return literal.withUTF8Buffer { literal in
                var at = range.lowerBound
                for byte in literal {
                    if text.bytes[at] != byte { return false }
                    at += 1
                }
                return true
            }
        }
        /// Whether token `index` ends in the bytes of "th", as every word `hasSuffix("th")` does.
        func endsInTH(_ index: Int) -> Bool {
            guard index < count else { return false }
            let range = text.readingRange(index)
            return range.count >= 2 && text.bytes[range.upperBound - 2] == UInt8(ascii: "t") && text.bytes[range.upperBound - 1] == UInt8(ascii: "h")
        }
        let past = view.hits(.pastTense)
        for index in view.ageOpeners {
            var next: Int
            if reads(index, "im") {
                next = index + 1
            } else if reads(index, "i") {
                guard reads(index + 1, "m") || reads(index + 1, "am") else { continue }
                next = index + 2
            } else if reads(index, "we") {
                guard reads(index + 1, "re") || reads(index + 1, "are") else { continue }
                next = index + 2
            } else if reads(index, "year") || reads(index, "yr") || reads(index, "y") {
                // A post that opens with the author's year at a school: "yr 5 at d'Auvergne represent".
                if index == 0, let value = number(index + 1), word(index + 2) == "at", (0...6).contains(value),
                    !view.has(.ownChild), !view.has(.thirdPartyChild), !view.has(.pastTense)
                {
                    var found = DeclaredAge(years: value + 5, tokens: index..<(index + 3))
                    found.implicit = true
                    return found
                }
                continue
            } else if reads(index, "my") {
                guard endsInTH(index + 1) else { continue }
                let raw = word(index + 1) ?? ""
                if raw.hasSuffix("th"), let value = Int(raw.dropLast(2)), word(index + 2) == "birthday", (8...17).contains(value) {
                    return DeclaredAge(years: value - 1, tokens: index..<(index + 3))
                }
                continue
            } else {
                continue
            }
            while let hedge = word(next), hedges.contains(hedge) { next += 1 }
            var years: Int?
            var end = next + 1
            if let value = number(next) {
                years = value
                if word(next + 1) == "years" || word(next + 1) == "yrs" { end = next + 2 }
            } else if word(next) == "in", let group = word(next + 1) {
                if group == "year" || group == "yr" || group == "y", let value = number(next + 2) {
                    years = value + 5
                    end = next + 3
                } else if group.count <= 3, group.first == "y", let value = Int(group.drop { !$0.isNumber }) {
                    years = value + 5
                    end = next + 2
                } else if group == "reception" {
                    years = 4
                    end = next + 2
                }
            } else if let raw = word(next), raw.hasSuffix("yo"), let value = Int(raw.dropLast(2)) {
                years = value
            }
            guard let years, (4...17).contains(years) else { continue }
            let range = index..<min(end, count)
            if past.contains(where: { view.sameSentence($0, range) && $0.lowerBound <= range.lowerBound + 2 }) { continue }
            let plural = reads(index, "we")
            if plural && years > 11 { continue }
            return DeclaredAge(years: years, tokens: range, implicit: plural)
        }
        return nil
    }
}
