import ParapetModels

/// Phone numbers, email addresses, UK postcodes and street addresses, found from the tokens.
enum PersonalData {
    static let streetWords: Set<String> = WordBook.set("personalDataStreetWords")

    /// Words before a number that make it something other than a house number.
    static let notHouseNumber: Set<String> = WordBook.set("personalDataNotHouseNumber")

    /// Whether `text` can hold any of these at all: each needs a digit (phone, address,
    /// postcode) or an "@" (email), and most posts have neither. The tokenizer noted both.
    static func mayHold(_ tokenized: TokenizedText) -> Bool { tokenized.mayHoldPersonalData }

    static func find(in view: TextView) -> [Evidence] {
        let text = view.tokenized
        var found: [Evidence] = []
        var index = 0
        let count = text.tokens.count
        while index < count {
            let token = text.tokens[index]
            // Phone: 10 or 11 digits over up to four number tokens, starting 0 or 44.
            if token.flags.contains(.number) {
                var digits = 0
                var end = index
                var first: UInt8 = 0
                while end < count, text.tokens[end].flags.contains(.number), end - index < 4 {
                    if end > index && text.tokens[end].utf16.lowerBound - text.tokens[end - 1].utf16.upperBound > 2 { break }
                    if end == index { first = text.plain(end).first ?? 0 }
                    digits += text.plain(end).count
                    end += 1
                    if digits >= 10 { break }
                }
                let startsRight = first == UInt8(ascii: "0") || text.plain(index).starts(with: Array("44".utf8))
                if startsRight && (10...12).contains(digits) {
                    found.append(view.evidence(index..<end, detector: "phone-number"))
                    index = end
                    continue
                }
                // Address: a house number, then a street within three words ("year 5 at Trimley St
                // Martin" is a class and a school, not an address).
                let counted = index > 0 && notHouseNumber.contains(text.word(index - 1))
                if token.plain.count <= 4, index + 1 < count, !counted {
                    for ahead in (index + 1)..<min(count, index + 5)
                    where streetWords.contains(text.word(ahead)) && ahead > index + 1 && !view.schools.contains(where: { $0.tokens.contains(ahead) })
                    {
                        found.append(view.evidence(index..<(ahead + 1), detector: "street-address"))
                        break
                    }
                }
            }
            // Postcode: outward code (letters then digits) and inward code (digit then two letters).
            if index + 1 < count, isOutward(text.plain(index)), isInward(text.plain(index + 1)) {
                found.append(view.evidence(index..<(index + 2), detector: "postcode"))
            }
            index += 1
        }
        // Email: word@word.word in the original.
        // The byte test first: searching the text by characters is slow, and most texts have no "@".
        if text.hasAtSign && view.text.contains("@") {
            for (offset, token) in text.tokens.enumerated() where token.flags.contains(.tagged) {
                if offset > 0, text.tokens[offset - 1].utf16.upperBound == token.utf16.lowerBound, offset + 1 < count,
                    text.tokens[offset + 1].utf16.lowerBound == token.utf16.upperBound + 1
                {
                    found.append(view.evidence((offset - 1)..<(offset + 2), detector: "email-address"))
                }
            }
        }
        return found
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Read in place (no copy of the slice): runs for every token of a post with a digit.
    static func isOutward(_ word: ArraySlice<UInt8>) -> Bool {
        let start = word.startIndex
        guard (2...4).contains(word.count), isLetter(word[start]) else { return false }
        var letters = 0
        while letters < word.count, isLetter(word[start + letters]) { letters += 1 }
        guard (1...2).contains(letters), letters < word.count, isDigit(word[start + letters]) else { return false }
        let rest = word[(start + letters + 1)...]
        return rest.allSatisfy { isDigit($0) || isLetter($0) } && rest.count <= 1
    }

    static func isInward(_ word: ArraySlice<UInt8>) -> Bool {
        let start = word.startIndex
        return word.count == 3 && isDigit(word[start]) && isLetter(word[start + 1]) && isLetter(word[start + 2])
    }
}
