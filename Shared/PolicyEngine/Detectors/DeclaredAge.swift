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
    private static let hedges: Set<String> = WordBook.set("declaredAgeHedges")

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

    /// The first statement of the author's own age in `view`, if any.
    static func find(in view: TextView) -> DeclaredAge? {
        let reader = Reader(text: view.tokenized)
        let past = view.hits(.pastTense)
        for index in view.ageOpeners {
            let next: Int
            switch reader.opening(at: index, in: view) {
            case .none: continue
            case .found(let age): return age
            case .statement(let after): next = after
            }
            guard let (years, end) = reader.age(from: next), (4...17).contains(years) else { continue }
            let range = index..<min(end, reader.count)
            if past.contains(where: { view.sameSentence($0, range) && $0.lowerBound <= range.lowerBound + 2 }) { continue }
            let plural = reader.reads(index, "we")
            if plural && years > 11 { continue }
            return DeclaredAge(years: years, tokens: range, implicit: plural)
        }
        return nil
    }

    /// What an opener starts.
    private enum Opening {
        /// Nothing about an age.
        case none
        /// An age settled by the opener itself: "yr 5 at …", "my 12th birthday".
        case found(DeclaredAge)
        /// "I'm", "I am", "we're": the age, if any, is stated from token `after` on.
        case statement(after: Int)
    }

    /// The tokens of one text, read for an age.
    private struct Reader {
        let text: TokenizedText
        var count: Int { text.tokens.count }

        func word(_ index: Int) -> String? { index < count ? text.word(index) : nil }

        /// A number, in digits or words up to fifteen.
        func number(_ index: Int) -> Int? {
            guard let word = word(index) else { return nil }
            if text.tokens[index].flags.contains(.number) { return Int(String(decoding: text.plain(index), as: UTF8.self)) }
            return DeclaredAge.numberWords[word]
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

        /// What the opener at `index` starts.
        func opening(at index: Int, in view: TextView) -> Opening {
            if reads(index, "im") { return .statement(after: index + 1) }
            if reads(index, "i") { return reads(index + 1, "m") || reads(index + 1, "am") ? .statement(after: index + 2) : .none }
            if reads(index, "we") { return reads(index + 1, "re") || reads(index + 1, "are") ? .statement(after: index + 2) : .none }
            if reads(index, "year") || reads(index, "yr") || reads(index, "y") {
                // A post that opens with the author's year at a school: "yr 5 at d'Auvergne represent".
                guard index == 0, let value = number(index + 1), word(index + 2) == "at", (0...6).contains(value),
                    !view.has(.ownChild), !view.has(.thirdPartyChild), !view.has(.pastTense)
                else { return .none }
                return .found(DeclaredAge(years: value + 5, tokens: index..<(index + 3), implicit: true))
            }
            if reads(index, "my") {
                guard endsInTH(index + 1) else { return .none }
                let raw = word(index + 1) ?? ""
                guard raw.hasSuffix("th"), let value = Int(raw.dropLast(2)), word(index + 2) == "birthday", (8...17).contains(value) else {
                    return .none
                }
                return .found(DeclaredAge(years: value - 1, tokens: index..<(index + 3)))
            }
            return .none
        }

        /// The age stated from token `start` on ("only 12", "11 years", "in year 6", "in y6",
        /// "in reception", "11yo"), with the token after the statement.
        func age(from start: Int) -> (years: Int, end: Int)? {
            var next = start
            while let hedge = word(next), DeclaredAge.hedges.contains(hedge) { next += 1 }
            if let value = number(next) {
                return (value, word(next + 1) == "years" || word(next + 1) == "yrs" ? next + 2 : next + 1)
            }
            if word(next) == "in", let group = word(next + 1) {
                if group == "year" || group == "yr" || group == "y", let value = number(next + 2) { return (value + 5, next + 3) }
                if group.count <= 3, group.first == "y", let value = Int(group.drop { !$0.isNumber }) { return (value + 5, next + 2) }
                if group == "reception" { return (4, next + 2) }
                return nil
            }
            if let raw = word(next), raw.hasSuffix("yo"), let value = Int(raw.dropLast(2)) { return (value, next + 1) }
            return nil
        }
    }
}
