/// Splits text into folded words in one pass over its UTF-8, keeping each word's UTF-16 place in
/// the original so evidence can point at what the author wrote.
enum Tokenizer {
    static func tokenize(_ text: String) -> TokenizedText {
        var text = text
        return text.withUTF8 { tokenize(utf8: $0) }
    }

    /// Space on the stack for a short text's working buffers: a kilobyte each, the most the
    /// standard library lends without asking how much stack is left.
    private static let stackBytes = 1024
    private static let stackTokens = 1024 / MemoryLayout<Token>.stride

    static func tokenize(utf8: UnsafeBufferPointer<UInt8>) -> TokenizedText {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stackBytes) { byteSpace in
            withUnsafeTemporaryAllocation(of: Token.self, capacity: stackTokens) { tokenSpace in
                var state = State(capacity: utf8.count, byteSpace: byteSpace, tokenSpace: tokenSpace)
                return read(utf8, into: &state)
            }
        }
    }

    private static func read(_ utf8: UnsafeBufferPointer<UInt8>, into state: inout State) -> TokenizedText {
        let folding = ScalarFolding.shared
        let marks = folding.asciiMarks
        let breaks = folding.asciiBreaks
        let text = UnsafeRawBufferPointer(utf8)
        // A byte from each cache line of the text, read now so the lines arrive together instead
        // of each stalling the word that reaches it; kept only so the reads are not dropped.
        var touched: UInt8 = 0
        for line in stride(from: 64, to: utf8.count, by: 64) { touched |= utf8[line] }
        state.bytes.keepInSpareCapacity(touched)
        var index = 0
        var utf16 = 0
        while index < utf8.count {
            // Most text is plain words and the spaces and marks between them, read a word at a
            // time; what they cannot read is read here, a scalar at a time.
            if state.isBetweenWords {
                let end = state.takePlainWords(text, from: index, utf16: utf16, breaks: breaks)
                utf16 += end - index
                index = end
                guard index < utf8.count else { break }
            }
            let lead = utf8[index]
            let scalarStart = utf16
            if lead < 0x80 {
                // Letters and digits, the bulk of any text, skip the table.
                let lower = lead | 0x20
                let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
                index += 1
                utf16 += 1
                if isLetter || (lead >= UInt8(ascii: "0") && lead <= UInt8(ascii: "9")) {
                    state.takeASCIILetter(isLetter ? lower : lead, upper: isLetter && lead != lower, at: scalarStart, end: utf16)
                    // The lower-case letters that follow, the rest of most words, are taken in
                    // one go.
                    var end = index
                    while end < utf8.count && utf8[end] >= UInt8(ascii: "a") && utf8[end] <= UInt8(ascii: "z") { end += 1 }
                    if end > index {
                        utf16 += end - index
                        state.takeLowercaseRun(UnsafeBufferPointer(rebasing: utf8[index..<end]), end: utf16)
                        index = end
                    }
                    continue
                }
                // A space only ends a word, if there is one (most are read by `takePlainWords`).
                if lead == UInt8(ascii: " ") {
                    if !state.isBetweenWords { state.endWord(sentenceEnds: false) }
                    continue
                }
                if lead == UInt8(ascii: "@") { state.sawAt = true }
                // Punctuation and symbols: read from a table of plain values, not of entries
                // holding arrays, so a comma retains nothing.
                let mark = marks[Int(lead)]
                if mark.kind == .symbol {
                    state.takeSymbol(CollectionOfOne(mark.standIn), lead: lead, at: scalarStart, end: utf16)
                } else {
                    state.takeMark(mark.kind, lead: lead)
                }
                continue
            }
            let (value, length) = decode(utf8, at: index)
            index += length
            utf16 += value >= 0x10000 ? 2 : 1
            let entry = folding.entry(for: Unicode.Scalar(value) ?? "\u{FFFD}")
            switch entry.kind {
            case .letter: state.takeLetter(entry.bytes, upper: entry.upper, at: scalarStart, end: utf16)
            case .symbol: state.takeSymbol(entry.bytes, lead: lead, at: scalarStart, end: utf16)
            default: state.takeMark(entry.kind, lead: lead)
            }
        }
        state.endWord(sentenceEnds: false)
        return state.finish(utf16Count: utf16)
    }

    /// One scalar from valid UTF-8 (Swift strings always are).
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        func continuation(_ offset: Int) -> UInt32 {
            index + offset < bytes.count ? UInt32(bytes[index + offset] & 0x3F) : 0
        }
        if lead < 0xE0 { return (((lead & 0x1F) << 6) | continuation(1), 2) }
        if lead < 0xF0 { return (((lead & 0x0F) << 12) | (continuation(1) << 6) | continuation(2), 3) }
        return (((lead & 0x07) << 18) | (continuation(1) << 12) | (continuation(2) << 6) | continuation(3), 4)
    }

    /// The tokenizer's working state. A word's plain letters are written straight into `bytes`
    /// as they are read; its reading with symbols and digits as letters, `leet`, is kept apart
    /// only from the first byte where it differs, so the common word is written once.
    private struct State: ~Copyable {
        var bytes: GrowingBuffer<UInt8>
        var tokens: GrowingBuffer<Token>
        /// Where the word being read starts in `bytes`.
        var plainStart = 0
        /// The word being read, with symbols and digits read as letters, once `leetDiverged`;
        /// until then it is the word's plain letters, `bytes[plainStart...]`.
        var leet: [UInt8] = []
        var leetDiverged = false
        /// The last byte of the reading, and how many times in a row it has come.
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
        /// A digit was written to `bytes`, or an "@" read: the text may hold personal data.
        var sawDigit = false
        var sawAt = false
        // Symbols read after the word's last letter: part of the word only if a letter follows.
        var pendingLeet: [UInt8] = []
        var pendingStart = -1
        var pendingBang = false
        var pendingFirstLead: UInt8 = 0
        var pendingEnd = 0
        var nextFlags: Token.Flags = [.sentenceStart, .afterBreak]
        /// Single letters close together at the end of `tokens` so far, and whether three ever
        /// were (then `joinSpacedLetters` has work to do).
        var singleRun = 0
        var spacedLetters = false

        /// A state for a text of `capacity` bytes, its buffers in the spaces given if they fit.
        init(capacity: Int, byteSpace: UnsafeMutableBufferPointer<UInt8>, tokenSpace: UnsafeMutableBufferPointer<Token>) {
            bytes = GrowingBuffer(capacity: capacity * 2, space: byteSpace)
            tokens = GrowingBuffer(capacity: capacity / 4 + 1, space: tokenSpace)
        }

        /// No letters read since the last word ended, and no symbols held: a word would start here.
        var isBetweenWords: Bool { wordStart < 0 && pendingLeet.isEmpty }

        /// Reads plain words (see `takeWord`), and the spaces and word-ending marks between them,
        /// from `start` for as long as the text has nothing else; the state must be between
        /// words, and stays so. Returns where it stopped: the end, or a byte it leaves to the
        /// scalar-at-a-time path.
        mutating func takePlainWords(_ text: UnsafeRawBufferPointer, from start: Int, utf16 start16: Int, breaks: ScalarFolding.ASCIIBreaks) -> Int {
            // A plain word writes a byte and a UTF-16 unit per byte read, so if the rest of the
            // text fits these, every place `takeWord` writes fits an `Int32` unchecked. (A text
            // of gigabytes goes the scalar-at-a-time way, which checks each.)
            let rest = text.count - start
            guard bytes.count <= Int(Int32.max) - rest && start16 <= Int(Int32.max) - rest else { return start }
            var index = start
            // `nextFlags`, in a local for the loop: a field of `self` is read from and written
            // back to memory for every word.
            var flagsForNext = nextFlags
            defer { nextFlags = flagsForNext }
            while index < text.count {
                let byte = text[index]
                let lower = byte | 0x20
                if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") {
                    // ASCII only, so UTF-16 units and bytes keep step.
                    guard let end = takeWord(text, at: index, utf16: start16 + index - start, breaks: breaks, flagsForNext: &flagsForNext) else {
                        break
                    }
                    index = end
                    continue
                }
                guard breaks.wordEnds.contains(byte) else { break }
                // With no word and no symbols held, a mark does only this (see `takeMark`).
                if breaks.sentenceEnds.contains(byte) {
                    flagsForNext.insert(.sentenceStart)
                    if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { flagsForNext.insert(.afterBreak) }
                }
                index += 1
            }
            return index
        }

        /// A word of ASCII letters, the first of either case and the rest lower case, ended by a
        /// space, a mark or the text's end, read from `start` and written out as a token at once:
        /// between words the per-word state is at rest, so such a word's token depends only on
        /// its letters and the mark after it. Returns where the word ends (past the space, if a
        /// space ends it: that space has nothing left to do); nil, with nothing written, for any
        /// other word (a capital, digit, symbol or non-ASCII scalar in it or straight after it),
        /// which the letter-by-letter path then reads. `flagsForNext` stands in for `nextFlags`.
        @inline(__always)
        mutating func takeWord(
            _ text: UnsafeRawBufferPointer, at start: Int, utf16 start16: Int, breaks: ScalarFolding.ASCIIBreaks, flagsForNext: inout Token.Flags
        ) -> Int? {
            let first = bytes.count
            // Eight bytes at a time: the lower-case run's length, its letters copied, and any
            // letter equal to the two before it (`.stretched`), the word so far in `previous`.
            // The first letter is folded to lower case in place, so it is read as one of the run.
            var chunk = Self.load(text, at: start)
            let capitalised = chunk & 0x20 == 0
            chunk |= 0x20
            var index = start
            var previous: UInt64 = 0
            var repeated: UInt64 = 0
            var length: Int
            while true {
                let stops = ~Self.lowercaseBytes(chunk) & Self.highBits
                let taken = (stops & (0 &- stops)) &- 1
                let sameAsLast = chunk ^ (chunk << 8 | previous >> 56)
                let sameAsOneBefore = chunk ^ (chunk << 16 | previous >> 48)
                repeated |= Self.zeroBytes(sameAsLast | sameAsOneBefore) & taken
                length = stops.trailingZeroBitCount >> 3
                bytes.append(first: length, of: chunk)
                index += length
                if length < 8 { break }
                previous = chunk
                chunk = Self.load(text, at: index)
            }
            // The byte after the word, already in `chunk`; a zero past the text's end, which
            // ends a word just as a NUL in the text does.
            let next = UInt8(truncatingIfNeeded: chunk >> UInt64(8 * length))
            var flags = flagsForNext
            if !breaks.wordEnds.contains(next) {
                guard breaks.apostrophes.contains(next) else {
                    bytes.removeSuffix(from: first)
                    return nil
                }
                flags.insert(.apostropheAfter)
            }
            flagsForNext = []
            if capitalised { flags.insert(.capitalised) }
            if repeated != 0 { flags.insert(.stretched) }
            // Unchecked: `takePlainWords` has made sure these fit.
            let plain = Int32(truncatingIfNeeded: first)..<Int32(truncatingIfNeeded: bytes.count)
            let utf16 = Int32(truncatingIfNeeded: start16)..<Int32(truncatingIfNeeded: start16 + index - start)
            let token = Token(plain: plain, leet: plain, utf16: utf16, flags: flags)
            // Never a number nor disguised: single exactly when one letter long.
            noteSingle(token, isSingle: index - start == 1)
            tokens.append(token)
            plainStart = bytes.count
            return next == UInt8(ascii: " ") ? index + 1 : index
        }

        static let highBits: UInt64 = 0x8080_8080_8080_8080

        /// Eight bytes of `text` from `offset`, low byte first, zeros past its end (a zero is no
        /// letter, so it ends a run).
        @inline(__always)
        static func load(_ text: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
            if offset + 8 <= text.count { return UInt64(littleEndian: text.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            if text.count >= 8 {
                let last = UInt64(littleEndian: text.loadUnaligned(fromByteOffset: text.count - 8, as: UInt64.self))
                return last >> (8 * UInt64(offset + 8 - text.count))
            }
            var word: UInt64 = 0
            for at in offset..<text.count { word |= UInt64(text[at]) << (8 * UInt64(at - offset)) }
            return word
        }

        /// The high bit of each byte of `word` that is a lower-case ASCII letter.
        @inline(__always)
        static func lowercaseBytes(_ word: UInt64) -> UInt64 {
            // Adding to the low seven bits never carries into the next byte.
            let low = word & ~highBits
            let atLeastA = low &+ 0x1F1F_1F1F_1F1F_1F1F
            let pastZ = low &+ 0x0505_0505_0505_0505
            return atLeastA & ~pastZ & ~word & highBits
        }

        /// The high bit of each zero byte of `word`.
        @inline(__always)
        static func zeroBytes(_ word: UInt64) -> UInt64 {
            let low = ~highBits
            return ~((word & low) &+ low | word | low)
        }

        /// Counts a new token into the run of close single letters `joinSpacedLetters` looks for.
        @inline(__always)
        mutating func noteSingle(_ token: Token, isSingle: Bool) {
            if isSingle {
                singleRun = singleRun > 0 && Self.isClose(tokens[tokens.count - 1], token) ? singleRun + 1 : 1
                if singleRun >= 3 { spacedLetters = true }
            } else {
                singleRun = 0
            }
        }

        /// Counts `byte` into the run of one repeated letter (`last`, seen `repeats` times);
        /// true once that letter has come three or more times in a row.
        @inline(__always)
        static func countRepeat(_ byte: UInt8, last: inout UInt8, repeats: inout Int) -> Bool {
            if repeats > 0 && last == byte {
                repeats += 1
                return repeats >= 3
            }
            repeats = 1
            last = byte
            return false
        }

        /// Adds a byte to the word's reading, noting a letter repeated three or more times.
        @inline(__always)
        mutating func appendLeet(_ byte: UInt8) {
            if Self.countRepeat(byte, last: &leetLast, repeats: &leetRun) { stretched = true }
            if leetDiverged { leet.append(byte) }
        }

        /// The reading is about to differ from the plain letters: keep it apart from here on,
        /// starting from the plain letters read so far.
        mutating func divergeLeet() {
            guard !leetDiverged else { return }
            leetDiverged = true
            leet.append(contentsOf: bytes.suffix(from: plainStart))
        }

        /// An ASCII letter (already lower case) or digit.
        @inline(__always)
        mutating func takeASCIILetter(_ byte: UInt8, upper: Bool, at start: Int, end: Int) {
            if !pendingLeet.isEmpty { commitPending() }
            if wordStart < 0 { wordStart = start }
            wordEnd = end
            letters += 1
            if byte <= UInt8(ascii: "9") {
                divergeLeet()
                bytes.append(byte)
                appendLeet(Self.undisguise(byte))
                digits += 1
                disguised = true
                sawDigit = true
            } else {
                bytes.append(byte)
                appendLeet(byte)
                if upper {
                    upperLetters += 1
                    if letters == 1 { flags.insert(.capitalised) }
                }
            }
        }

        /// Lower-case ASCII letters straight after a letter of the same word: what
        /// `takeASCIILetter` does for each, done for the run.
        @inline(__always)
        mutating func takeLowercaseRun(_ run: UnsafeBufferPointer<UInt8>, end: Int) {
            wordEnd = end
            bytes.append(contentsOf: run)
            letters += run.count
            if leetDiverged { leet.append(contentsOf: run) }
            // `appendLeet`'s count of repeated letters, kept in locals for the run.
            var last = leetLast
            var repeats = leetRun
            for byte in run {
                if Self.countRepeat(byte, last: &last, repeats: &repeats) { stretched = true }
            }
            leetLast = last
            leetRun = repeats
        }

        /// A letter from the folding table: its folded bytes.
        mutating func takeLetter(_ folded: [UInt8], upper: Bool, at start: Int, end: Int) {
            if !pendingLeet.isEmpty { commitPending() }
            if wordStart < 0 { wordStart = start }
            wordEnd = end
            if folded.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                divergeLeet()
                sawDigit = true
            }
            bytes.append(contentsOf: folded)
            for byte in folded { appendLeet(Self.undisguise(byte)) }
            letters += 1
            if upper { upperLetters += 1 }
            if letters == 1 && upper { flags.insert(.capitalised) }
            if folded.count == 1, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(folded[0]) {
                digits += 1
                disguised = true
            }
        }

        /// A symbol that may stand for a letter (`@`, `$`, `!`, `*`, `€`): held until a letter
        /// follows.
        mutating func takeSymbol<Letters: Collection<UInt8>>(_ standIn: Letters, lead: UInt8, at start: Int, end: Int) {
            if pendingLeet.isEmpty {
                pendingStart = start
                pendingFirstLead = lead
            }
            pendingLeet.append(contentsOf: standIn)
            pendingEnd = end
            if lead == UInt8(ascii: "!") { pendingBang = true }
        }

        /// Anything that is neither a letter nor a symbol.
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

        /// Letters a disguised word's digits stand for.
        @inline(__always)
        static func undisguise(_ byte: UInt8) -> UInt8 {
            switch byte {
            case UInt8(ascii: "0"): UInt8(ascii: "o")
            case UInt8(ascii: "1"): UInt8(ascii: "i")
            case UInt8(ascii: "3"): UInt8(ascii: "e")
            case UInt8(ascii: "4"): UInt8(ascii: "a")
            case UInt8(ascii: "5"): UInt8(ascii: "s")
            case UInt8(ascii: "7"): UInt8(ascii: "t")
            case UInt8(ascii: "8"): UInt8(ascii: "b")
            case UInt8(ascii: "9"): UInt8(ascii: "g")
            default: byte
            }
        }

        /// Symbols followed by a letter are part of the word.
        mutating func commitPending() {
            if wordStart < 0 {
                wordStart = pendingStart
                // "@name" and "#tag" are handles and hashtags; "@ss" and "$hit" read as letters too.
                if pendingFirstLead == UInt8(ascii: "@") || pendingFirstLead == UInt8(ascii: "#") { flags.insert(.tagged) }
            }
            if pendingLeet.contains(UInt8(ascii: "*")) { flags.insert(.wildcard) }
            divergeLeet()
            for byte in pendingLeet { appendLeet(byte) }
            disguised = true
            pendingLeet.removeAll(keepingCapacity: true)
            pendingBang = false
        }

        mutating func endWord(sentenceEnds: Bool) {
            var bang = false
            if !pendingLeet.isEmpty {
                // "f***" and "c**t" at a word's end: asterisks after letters stand for letters.
                if wordStart >= 0, pendingLeet.allSatisfy({ $0 == UInt8(ascii: "*") }) {
                    commitPending()
                    wordEnd = pendingEnd
                }
                pendingLeet.removeAll(keepingCapacity: true)
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
                    // Disguised only by a digit or a symbol, each of which diverged the reading.
                    tokenFlags.insert(.disguised)
                    let leetStart = Int32(bytes.count)
                    bytes.append(contentsOf: leet)
                    leetRange = leetStart..<Int32(bytes.count)
                }
                if stretched { tokenFlags.insert(.stretched) }
                let token = Token(plain: plainRange, leet: leetRange, utf16: Int32(wordStart)..<Int32(wordEnd), flags: tokenFlags)
                noteSingle(token, isSingle: Self.isSingle(token))
                tokens.append(token)
                if leetDiverged {
                    leet.removeAll(keepingCapacity: true)
                    leetDiverged = false
                }
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

        func finish(utf16Count: Int) -> TokenizedText {
            var bytes = bytes.array()
            var tokens = tokens.array()
            if spacedLetters { Self.joinSpacedLetters(&tokens, &bytes) }
            return TokenizedText(bytes: bytes, tokens: tokens, utf16Count: utf16Count, mayHoldPersonalData: sawDigit || sawAt, hasAtSign: sawAt)
        }

        /// "f u c k", "s.h.i.t", "f-u-c-k": three or more single letters a character or two apart
        /// on one line become one word. Most texts have none (`spacedLetters`, noted as the
        /// tokens were made), and then the tokens stay as they are, uncopied.
        static func joinSpacedLetters(_ tokens: inout [Token], _ bytes: inout [UInt8]) {
            guard tokens.count >= 3 else { return }
            var result: [Token] = []
            result.reserveCapacity(tokens.count)
            var index = 0
            while index < tokens.count {
                var end = index
                while end < tokens.count, Self.isSingle(tokens[end]), end == index || Self.isClose(tokens[end - 1], tokens[end]) {
                    end += 1
                }
                // "what a f u c k up": "a" and "i" are words of their own before a spaced-out one.
                if end - index >= 4, Self.isWordOnItsOwn(tokens[index], in: bytes) {
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

        /// "a" and "i": single letters that are words.
        static func isWordOnItsOwn(_ token: Token, in bytes: [UInt8]) -> Bool {
            guard token.plain.count == 1 else { return false }
            let letter = bytes[Int(token.plain.lowerBound)]
            return letter == UInt8(ascii: "a") || letter == UInt8(ascii: "i")
        }

        /// Two letters at most two characters apart, with no line break between.
        @inline(__always)
        static func isClose(_ previous: Token, _ next: Token) -> Bool {
            next.utf16.lowerBound - previous.utf16.upperBound <= 2 && !next.flags.contains(.afterBreak)
        }

        @inline(__always)
        static func isSingle(_ token: Token) -> Bool {
            token.plain.count == 1 && !token.flags.contains(.number) || (token.flags.contains(.disguised) && token.leet.count == 1)
        }
    }
}
