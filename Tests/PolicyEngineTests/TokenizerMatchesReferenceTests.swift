import TestSupport
import Testing

@testable import ParapetPolicyEngine

/// The tokenizer is tuned for speed (words copied in runs, tokens written straight out); these
/// tests hold it to a plain reading of the same rules, one scalar at a time into arrays, on
/// random texts built from the characters its rules treat differently.
@Suite("The tokenizer reads every text as a simple reference tokenizer does")
struct TokenizerMatchesReferenceTests {
    @Test("random texts of letters, digits, symbols, marks and non-ASCII scalars")
    func randomTexts() {
        var random = SplitMix64(seed: 0x70CE_2026)
        for round in 0..<20_000 {
            let text = Self.randomText(using: &random, pieces: round % 50 == 0 ? 400 : 1 + Int(random.next() % 40))
            // One failure is enough to go on; thousands would bury it.
            if !Self.expectSame(text) { break }
        }
    }

    @Test("texts whose folded bytes outgrow the first guess at their size")
    func expandingTexts() {
        // Each "Ⅷ" is three bytes of UTF-8 folding to four letters, and a digit keeps a second
        // reading of the word: the output is several times the input.
        Self.expectSame(String(repeating: "Ⅷ", count: 300) + "1")
        Self.expectSame(String(repeating: "ⅷ1 ", count: 200))
        Self.expectSame(String(repeating: "İ", count: 500) + "\u{1D7CF}")
        Self.expectSame(String(repeating: "a b ", count: 400))
        Self.expectSame(String(repeating: "@", count: 1000) + "x")
        // Short enough to start in the stack space, then outgrowing it: 511 bytes folding to
        // 1,362; 140 bytes making 70 tokens.
        Self.expectSame(String(repeating: "ⅷ", count: 170) + "1")
        Self.expectSame(String(repeating: "a ", count: 70))
        Self.expectSame(String(repeating: "ab1 ", count: 35))
    }

    @Test("edge cases: empty, one character, words at the very end, long words")
    func edges() {
        for text in [
            "", " ", "a", "A", "1", "!", "@", "aaa", "Aaa", "aAa", "abcdefghijklmnopqrstuvwxyz", "abcdefgh", "abcdefghi",
            "Abcdefgh", "Abcdefghi", "zzzzzzzzzzzzzzzzz", "ab'", "ab' cd", "don't", "f***", "c**t", "sh!t!", "hi!", "hi! there",
            "a.b.c", "f u c k", "what a f u c k up", "x\ny\nz", "hello\u{200B}world", "Hello.World", "abc1", "1abc", "ab€cd",
        ] {
            Self.expectSame(text)
        }
    }

    @discardableResult
    static func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let fast = Tokenizer.tokenize(text)
        let reference = ReferenceTokenizer.tokenize(text)
        #expect(fast.bytes == reference.bytes, "bytes of \(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(fast.tokens == reference.tokens, "tokens of \(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(fast.utf16Count == reference.utf16Count, sourceLocation: sourceLocation)
        #expect(fast.mayHoldPersonalData == reference.mayHoldPersonalData, sourceLocation: sourceLocation)
        #expect(fast.hasAtSign == reference.hasAtSign, sourceLocation: sourceLocation)
        return fast.bytes == reference.bytes && fast.tokens == reference.tokens && fast.utf16Count == reference.utf16Count
            && fast.mayHoldPersonalData == reference.mayHoldPersonalData && fast.hasAtSign == reference.hasAtSign
    }

    /// Pieces the tokenizer's rules tell apart, lower-case words most often (as in real posts).
    static let pieces: [String] = [
        " ", " ", " ", "  ", ".", ",", "?", "!", "'", "`", "@", "#", "$", "*", "|", "+", "-", "\n", "\r", ":", "(", ")",
        "0", "1", "3", "4", "5", "7", "9", "A", "B", "F", "I", "Z", "a", "i", "e", "o",
        "é", "É", "ß", "ẞ", "æ", "Ⅷ", "ⅷ", "𝐟", "𝐮", "Ⓕ", "①", "Ｆ", "ｕ", "а", "ѕ", "һ", "і", "ο", "α", "İ", "ﬁ", "€", "£",
        "\u{200B}", "\u{200D}", "\u{0301}", "\u{FE0F}", "’", "‘", "…", "—", "😀", "🅵", "中", "ж", "Ж",
    ]
    static let words: [String] = [
        "the", "school", "fuuuuck", "sooo", "too", "aaa", "Aaaa", "zzzzzzzzzzz", "abcdefgh", "abcdefghijklmnop", "Hello",
        "HELLO", "McDonald", "iPhone", "x", "ok", "bbbbbbbbbbbbbbbbbbbbbb", "aabbccdd", "abbbc",
    ]

    static func randomText(using random: inout SplitMix64, pieces count: Int) -> String {
        var text = ""
        for _ in 0..<count {
            let roll = random.next() % 10
            if roll < 4 {
                text += words[Int(random.next() % UInt64(words.count))]
            } else if roll < 5 {
                // A run of lower-case letters drawn from a few, so repeats come often.
                let length = Int(random.next() % 20)
                for _ in 0..<length { text.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "a") + UInt8(random.next() % 3))) }
            } else {
                text += pieces[Int(random.next() % UInt64(pieces.count))]
            }
        }
        return text
    }
}

/// The tokenizer's rules as they were first written, one scalar at a time into arrays: slow, and
/// plain enough to check by eye.
private enum ReferenceTokenizer {
    static func tokenize(_ text: String) -> TokenizedText {
        var state = State()
        let folding = ScalarFolding.shared
        var utf16 = 0
        for scalar in text.unicodeScalars {
            let start = utf16
            utf16 += scalar.value >= 0x10000 ? 2 : 1
            let lead = Array(String(scalar).utf8)[0]
            if scalar == " " {
                state.endWord(sentenceEnds: false)
                continue
            }
            if scalar == "@" { state.sawAt = true }
            let entry = folding.entry(for: scalar)
            switch entry.kind {
            case .letter: state.takeLetter(entry.bytes, upper: entry.upper, at: start, end: utf16)
            case .symbol: state.takeSymbol(entry.bytes, lead: lead, at: start, end: utf16)
            default: state.takeMark(entry.kind, lead: lead)
            }
        }
        state.endWord(sentenceEnds: false)
        if state.spacedLetters { joinSpacedLetters(&state.tokens, &state.bytes) }
        return TokenizedText(
            bytes: state.bytes, tokens: state.tokens, utf16Count: utf16, mayHoldPersonalData: state.sawDigit || state.sawAt,
            hasAtSign: state.sawAt)
    }

    struct State {
        var bytes: [UInt8] = []
        var tokens: [Token] = []
        var plainStart = 0
        var leet: [UInt8] = []
        var leetLast: UInt8 = 0
        var leetRun = 0
        var stretched = false
        var wordStart = -1
        var wordEnd = 0
        var flags: Token.Flags = []
        var letters = 0
        var upperLetters = 0
        var digits = 0
        var disguised = false
        var sawDigit = false
        var sawAt = false
        var pending: [UInt8] = []
        var pendingStart = -1
        var pendingBang = false
        var pendingFirstLead: UInt8 = 0
        var pendingEnd = 0
        var nextFlags: Token.Flags = [.sentenceStart, .afterBreak]
        var singleRun = 0
        var spacedLetters = false

        mutating func appendLeet(_ byte: UInt8) {
            if leetRun > 0 && leetLast == byte {
                leetRun += 1
                if leetRun >= 3 { stretched = true }
            } else {
                leetRun = 1
                leetLast = byte
            }
            leet.append(byte)
        }

        mutating func takeLetter(_ folded: [UInt8], upper: Bool, at start: Int, end: Int) {
            if !pending.isEmpty { commitPending() }
            if wordStart < 0 { wordStart = start }
            wordEnd = end
            if folded.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { sawDigit = true }
            bytes.append(contentsOf: folded)
            for byte in folded { appendLeet(undisguise(byte)) }
            letters += 1
            if upper { upperLetters += 1 }
            if letters == 1 && upper { flags.insert(.capitalised) }
            if folded.count == 1, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(folded[0]) {
                digits += 1
                disguised = true
            }
        }

        mutating func takeSymbol(_ standIn: [UInt8], lead: UInt8, at start: Int, end: Int) {
            if pending.isEmpty {
                pendingStart = start
                pendingFirstLead = lead
            }
            pending.append(contentsOf: standIn)
            pendingEnd = end
            if lead == UInt8(ascii: "!") { pendingBang = true }
        }

        mutating func takeMark(_ kind: ScalarClass, lead: UInt8) {
            switch kind {
            case .invisible, .letter, .symbol:
                break
            case .apostrophe:
                if wordStart >= 0 { flags.insert(.apostropheAfter) }
                endWord(sentenceEnds: false)
            case .sentenceEnd:
                endWord(sentenceEnds: true)
                if lead == UInt8(ascii: "\n") || lead == UInt8(ascii: "\r") { nextFlags.insert(.afterBreak) }
            case .separator:
                endWord(sentenceEnds: false)
            }
        }

        func undisguise(_ byte: UInt8) -> UInt8 {
            let letters: [UInt8: Character] = [48: "o", 49: "i", 51: "e", 52: "a", 53: "s", 55: "t", 56: "b", 57: "g"]
            return letters[byte]?.asciiValue ?? byte
        }

        mutating func commitPending() {
            if wordStart < 0 {
                wordStart = pendingStart
                if pendingFirstLead == UInt8(ascii: "@") || pendingFirstLead == UInt8(ascii: "#") { flags.insert(.tagged) }
            }
            if pending.contains(UInt8(ascii: "*")) { flags.insert(.wildcard) }
            for byte in pending { appendLeet(byte) }
            disguised = true
            pending = []
            pendingBang = false
        }

        mutating func endWord(sentenceEnds: Bool) {
            var bang = false
            if !pending.isEmpty {
                if wordStart >= 0, pending.allSatisfy({ $0 == UInt8(ascii: "*") }) {
                    commitPending()
                    wordEnd = pendingEnd
                }
                pending = []
            }
            if pendingBang {
                bang = true
                pendingBang = false
            }
            if wordStart >= 0 {
                var tokenFlags = flags.union(nextFlags)
                nextFlags = []
                if upperLetters == letters && letters > 1 { tokenFlags.insert(.allCaps) }
                let plainRange = Int32(plainStart)..<Int32(bytes.count)
                var leetRange = plainRange
                if digits == letters {
                    tokenFlags.insert(.number)
                } else if disguised {
                    tokenFlags.insert(.disguised)
                    let leetStart = Int32(bytes.count)
                    bytes.append(contentsOf: leet)
                    leetRange = leetStart..<Int32(bytes.count)
                }
                if stretched { tokenFlags.insert(.stretched) }
                let token = Token(plain: plainRange, leet: leetRange, utf16: Int32(wordStart)..<Int32(wordEnd), flags: tokenFlags)
                if isSingle(token) {
                    singleRun = singleRun > 0 && isClose(tokens[tokens.count - 1], token) ? singleRun + 1 : 1
                    if singleRun >= 3 { spacedLetters = true }
                } else {
                    singleRun = 0
                }
                tokens.append(token)
                leet = []
                plainStart = bytes.count
                wordStart = -1
                flags = []
                letters = 0
                upperLetters = 0
                digits = 0
                disguised = false
                leetRun = 0
                stretched = false
            }
            if sentenceEnds || bang { nextFlags.insert(.sentenceStart) }
        }
    }

    static func joinSpacedLetters(_ tokens: inout [Token], _ bytes: inout [UInt8]) {
        guard tokens.count >= 3 else { return }
        var result: [Token] = []
        var index = 0
        while index < tokens.count {
            var end = index
            while end < tokens.count, isSingle(tokens[end]), end == index || isClose(tokens[end - 1], tokens[end]) { end += 1 }
            if end - index >= 4, tokens[index].plain.count == 1,
                [UInt8(ascii: "a"), UInt8(ascii: "i")].contains(bytes[Int(tokens[index].plain.lowerBound)])
            {
                result.append(tokens[index])
                index += 1
            }
            if end - index >= 3 {
                let start = Int32(bytes.count)
                for part in index..<end {
                    let range = tokens[part].flags.contains(.disguised) ? tokens[part].leet : tokens[part].plain
                    bytes.append(contentsOf: bytes[Int(range.lowerBound)..<Int(range.upperBound)])
                }
                let joined = start..<Int32(bytes.count)
                var flags: Token.Flags = [.joined]
                flags.formUnion(tokens[index].flags.intersection([.sentenceStart, .afterBreak, .capitalised]))
                result.append(
                    Token(plain: joined, leet: joined, utf16: tokens[index].utf16.lowerBound..<tokens[end - 1].utf16.upperBound, flags: flags))
                index = end
            } else {
                result.append(tokens[index])
                index += 1
            }
        }
        tokens = result
    }

    static func isClose(_ previous: Token, _ next: Token) -> Bool {
        next.utf16.lowerBound - previous.utf16.upperBound <= 2 && !next.flags.contains(.afterBreak)
    }

    static func isSingle(_ token: Token) -> Bool {
        token.plain.count == 1 && !token.flags.contains(.number) || (token.flags.contains(.disguised) && token.leet.count == 1)
    }
}
