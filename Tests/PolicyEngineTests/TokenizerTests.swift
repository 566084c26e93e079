import Testing

@testable import ParapetPolicyEngine

@Suite("Folding and splitting text into words")
struct TokenizerTests {
    func words(_ text: String) -> [String] {
        let tokenized = Tokenizer.tokenize(text)
        return tokenized.tokens.indices.map { tokenized.word($0) }
    }

    @Test("case, accents, full-width and mathematical letters fold to plain lower case")
    func foldingReadsDressedUpLetters() {
        #expect(words("Crème BRÛLÉE") == ["creme", "brulee"])
        #expect(words("Ｆｕｌｌ 𝐛𝐨𝐥𝐝 Ⓒⓘⓡⓒⓛⓔ") == ["full", "bold", "circle"])
    }

    @Test("look-alike letters from Cyrillic and Greek read as Latin")
    func lookalikesReadAsLatin() {
        #expect(words("ѕһіt іdіοt") == ["shit", "idiot"])
    }

    @Test("zero-width characters and combining marks do not split a word")
    func invisibleCharactersDoNotSplit() {
        #expect(words("id\u{200B}io\u{200D}t") == ["idiot"])
        #expect(words("i\u{0301}d\u{0336}iot") == ["idiot"])
    }

    @Test("digits and symbols inside a word read as the letters they stand for")
    func disguisesReadAsLetters() {
        #expect(words("sh!t b1tch @ss $hit") == ["shit", "bitch", "ass", "shit"])
        #expect(words("year 6 costs £5!") == ["year", "6", "costs", "5"])
    }

    @Test("letters spaced or dotted apart join into one word")
    func spacedLettersJoin() {
        #expect(words("f u c k off") == ["fuck", "off"])
        #expect(words("s.h.i.t") == ["shit"])
        #expect(words("I am a b") == ["i", "am", "a", "b"])
    }

    @Test("spans point at what the author wrote, in UTF-16 units")
    func spansPointAtTheOriginal() {
        let text = "😀 Hello wörld"
        let tokenized = Tokenizer.tokenize(text)
        #expect(tokenized.tokens.count == 2)
        let span = tokenized.span(1..<2)
        #expect(span.start == 9 && span.end == 14)
    }

    @Test("capitals and sentence starts are remembered for telling names from words")
    func capitalsAreRemembered() {
        let tokenized = Tokenizer.tokenize("Will said. I will ask Will")
        let flags = tokenized.tokens.map(\.flags)
        #expect(flags[0].contains(.sentenceStart) && flags[0].contains(.capitalised))
        #expect(!flags[3].contains(.capitalised))
        #expect(flags[5].contains(.capitalised) && !flags[5].contains(.sentenceStart))
    }
}

extension TokenizerTests {
    @Test("a word-letter before spaced-out letters stays a word: 'what a f u c k up'")
    func wordLettersStayWords() {
        #expect(words("what a f u c k up") == ["what", "a", "fuck", "up"])
        #expect(words("i h a t e it") == ["i", "hate", "it"])
    }
}

extension TokenizerTests {
    /// The plain letters and the disguise-free reading of each token.
    func readings(_ text: String) -> [(plain: String, leet: String, flags: Token.Flags)] {
        let tokenized = Tokenizer.tokenize(text)
        return tokenized.tokens.indices.map { index in
            (String(decoding: tokenized.plain(index), as: UTF8.self), tokenized.word(index), tokenized.tokens[index].flags)
        }
    }

    @Test("a word's reading differs from its letters only from the first digit or symbol on")
    func readingKeptApartOnlyWhenItDiffers() {
        let read = readings("Shit sh1t w4nker f*ck Bo11ocks 2024")
        #expect(read.map(\.plain) == ["shit", "sh1t", "w4nker", "fck", "bo11ocks", "2024"])
        #expect(read.map(\.leet) == ["shit", "shit", "wanker", "f*ck", "boiiocks", "2024"])
        #expect(!read[0].flags.contains(.disguised))
        #expect(read[1].flags.contains(.disguised) && read[3].flags.contains(.wildcard))
        #expect(read[5].flags.contains(.number) && !read[5].flags.contains(.disguised))
    }

    @Test("a letter stretched three times is noticed wherever the run starts")
    func stretchedLettersAcrossTheWord() {
        let read = readings("fuuuuck Fuuuck sooo too 5h!!!t")
        #expect(read.map { $0.flags.contains(.stretched) } == [true, true, true, false, true])
    }

    @Test("the tokenizer notes digits and an '@', which personal data needs")
    func personalDataSigns() {
        #expect(!Tokenizer.tokenize("no numbers here").mayHoldPersonalData)
        #expect(Tokenizer.tokenize("ring 07700 900123").mayHoldPersonalData)
        #expect(Tokenizer.tokenize("Year ① trip").mayHoldPersonalData)
        let email = Tokenizer.tokenize("mail jo@example.com")
        #expect(email.mayHoldPersonalData && email.hasAtSign)
        #expect(!Tokenizer.tokenize("ring 07700").hasAtSign)
    }

    @Test("spaced letters join wherever the run of single letters starts")
    func spacedLettersAfterOtherWords() {
        #expect(words("oh f u c k") == ["oh", "fuck"])
        #expect(words("a b and c d e") == ["a", "b", "and", "cde"])
        #expect(words("x y\nz") == ["x", "y", "z"])
    }
}
