import ParapetModels

/// A set of cues, as bits.
struct CueSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    mutating func insert(_ cue: Cue) {
        if cue.rawValue < 64 { low |= 1 << UInt64(cue.rawValue) } else { high |= 1 << UInt64(cue.rawValue - 64) }
    }

    func contains(_ cue: Cue) -> Bool {
        cue.rawValue < 64 ? low & (1 << UInt64(cue.rawValue)) != 0 : high & (1 << UInt64(cue.rawValue - 64)) != 0
    }
}

/// A roster name found in the text.
struct NameHit: Sendable {
    var form: NameForm
    /// Everyone of the post's school with this name.
    var people: [Int32]
    var tokens: Range<Int>
}

/// A cue found in the text.
struct CueHit: Sendable {
    var cue: Cue
    var tokens: Range<Int>
}

/// One text of a post (its body, or an attachment's alt text) read by the matcher.
///
/// A class, though nothing changes after `init`: every detector walks a post's texts, and
/// handing a reference around costs one retain where copying a struct of a dozen arrays costs a
/// dozen.
final class TextView {
    let text: String
    /// nil for the post's text; the attachment's index for its alt text.
    let attachment: Int?
    let tokenized: TokenizedText
    // Constants, not `private(set) var`s: every detector reads these, and reading a class's
    // variable costs a dynamic exclusivity check each time.
    let cueHits: [CueHit]
    let cues: CueSet
    let names: [NameHit]
    /// Token ranges naming a school of the trust, with the school's index.
    let schools: [(school: Int32, tokens: Range<Int>)]
    /// Each token's sentence number.
    let sentence: [Int32]
    /// The names of the school's roster pupils, and of its staff and governors: worked out once
    /// here because most detectors ask for them.
    let pupilNames: [NameHit]
    let adultNames: [NameHit]
    /// Token ranges naming one identifiable person at the school (see `findIndividuals`).
    /// Worked out when first asked for: only a text with an accusation, a complaint or
    /// intimidation in it is asked, and most texts have none.
    private(set) lazy var individuals: [Range<Int>] = findIndividuals()
    /// Tokens whose letters are a one-word first or known-as name of the trust's roster (whatever
    /// their case or place): the only tokens `PeopleDetector.recoveredNames` can take back.
    let nameWordTokens: [Int]
    /// Tokens that may open a statement of the author's age ("I'm", "year", "my"; see
    /// `DeclaredAge.opens`), noted as the matcher passes.
    let ageOpeners: [Int]
    /// Phone numbers, email addresses, postcodes and street addresses; looked for only when the
    /// text has a digit or an "@", which every one of them needs.
    private(set) var personalData: [Evidence] = []
    /// Swearing run into hashtags and long words (``LanguageDetector/hiddenSwearing(in:)``),
    /// found once when a detector first asks: three detectors read it.
    lazy var hiddenSwearing: [Range<Int>] = LanguageDetector.hiddenSwearing(in: self)
    /// The hits that mean a child, and those of a staff role (``BreachSubjects/childHits(in:)``),
    /// found once when a breach is first described: each breach's evidence asks again.
    lazy var childHits: [Range<Int>] = BreachSubjects.childHits(in: self)
    lazy var staffRoleHits: [Range<Int>] = hits(.staffRole)
    /// Tokens that say someone poses a risk to children (``BreachSubjects/riskWordSet``), found
    /// once when a breach is first described, for the same reason.
    lazy var riskWordTokens: [Int] = (0..<tokenCount).filter { phrase($0..<($0 + 1), isIn: BreachSubjects.riskWordSet) }

    init(text: String, attachment: Int?, trust: CompiledTrust, school: Int32) {
        self.text = text
        self.attachment = attachment
        let tokenized = Tokenizer.tokenize(text)
        self.tokenized = tokenized
        let scan = tokenized.bytes.withUnsafeBufferPointer { bytes in
            Self.scan(bytes, tokenized: tokenized, trust: trust, school: school)
        }
        self.sentence = scan.sentence
        self.nameWordTokens = scan.nameWordTokens
        self.ageOpeners = scan.ageOpeners
        self.cueHits = scan.cueHits
        self.cues = scan.cues
        self.schools = scan.schools
        let names = scan.names
        // A first name inside a full name found at the same place is the same mention.
        let distinct = names.filter { hit in
            !names.contains { other in
                other.tokens.count > hit.tokens.count && other.tokens.lowerBound <= hit.tokens.lowerBound
                    && other.tokens.upperBound >= hit.tokens.upperBound
            }
        }
        self.names = distinct
        var pupilNames: [NameHit] = []
        var adultNames: [NameHit] = []
        let kinds = trust.kinds
        for hit in distinct {
            var pupils: [Int32] = []
            var adults: [Int32] = []
            for person in hit.people {
                if kinds[Int(person)] == .pupil { pupils.append(person) } else { adults.append(person) }
            }
            if !pupils.isEmpty { pupilNames.append(NameHit(form: hit.form, people: pupils, tokens: hit.tokens)) }
            if !adults.isEmpty { adultNames.append(NameHit(form: hit.form, people: adults, tokens: hit.tokens)) }
        }
        self.pupilNames = pupilNames
        self.adultNames = adultNames
        if PersonalData.mayHold(tokenized) { personalData = PersonalData.find(in: self) }
    }

    /// What one pass of the matcher over a text finds.
    private struct Scan {
        var sentence: [Int32] = []
        var nameWordTokens: [Int] = []
        var ageOpeners: [Int] = []
        var cueHits: [CueHit] = []
        var cues = CueSet()
        var schools: [(school: Int32, tokens: Range<Int>)] = []
        var names: [NameHit] = []

        /// Appends `value`, making room for eight at the first: a text that has one of these
        /// usually has a few, and growing from one place reallocated at every doubling.
        @inline(__always)
        static func append<Value>(_ value: Value, to array: inout [Value]) {
            if array.capacity == 0 { array.reserveCapacity(8) }
            array.append(value)
        }
    }

    /// One pass over the tokens of `tokenized` (whose bytes are `bytes`): each token's term, then
    /// the automaton's step on it and the patterns that end there, in the order the automaton
    /// reports them. A function of its own, everything it gathers in its locals: a nested
    /// function gathering into the initialiser's variables made each of them a box checked for
    /// exclusive access at every write.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, tokenized: TokenizedText, trust: CompiledTrust, school: Int32) -> Scan {
        let count = tokenized.tokens.count
        var scan = Scan()
        scan.sentence.reserveCapacity(count)
        // Room for a cue in every few words at once, rather than growing one hit at a time.
        scan.cueHits.reserveCapacity(count / 2 + 4)
        var current: Int32 = 0
        // Read out of the trust once, not per token (each read of a class's struct property
        // retains its arrays).
        let vocabulary = trust.vocabulary
        let nameWords = trust.recoverableNameTerms
        let automaton = trust.automaton
        let endingPatterns = trust.endingPatterns
        var state: Int32 = 0
        for index in 0..<count {
            let token = tokenized.tokens[index]
            let plain = UnsafeBufferPointer(rebasing: bytes[Int(token.plain.lowerBound)..<Int(token.plain.upperBound)])
            let plainTerm = vocabulary.lookup(plain)
            // Most words are written plainly: their term is their letters'.
            let term =
                token.flags.isDisjoint(with: [.wildcard, .disguised, .stretched])
                ? plainTerm ?? -1 : Self.term(of: index, plainTerm: plainTerm, in: tokenized, vocabulary: vocabulary, trust: trust)
            if let plainTerm, nameWords.contains(plainTerm) { Scan.append(index, to: &scan.nameWordTokens) }
            let reading = token.flags.contains(.disguised) ? UnsafeBufferPointer(rebasing: bytes[tokenized.readingRange(index)]) : plain
            if DeclaredAge.opens(reading) { Scan.append(index, to: &scan.ageOpeners) }
            if index > 0 && token.flags.contains(.sentenceStart) { current += 1 }
            scan.sentence.append(current)
            state = automaton.step(from: state, on: term)
            for slot in automaton.endingSlots(at: state) {
                let matched = endingPatterns[slot]
                let tokens = (index + 1 - Int(matched.length))..<(index + 1)
                switch matched.payload {
                case .cue(let cue):
                    scan.cueHits.append(CueHit(cue: cue, tokens: tokens))
                    scan.cues.insert(cue)
                case .school(let named):
                    Scan.append((named, tokens), to: &scan.schools)
                case .name(let entry):
                    let name = trust.names[Int(entry)]
                    // An everyday word ("will", "hope") is ruled out from its token alone: asked
                    // first, it saves looking through the name's schools for one of the commonest
                    // words of a post.
                    if name.form == .first || name.form == .knownAs {
                        let first = tokenized.tokens[tokens.lowerBound]
                        if name.isOrdinaryWord
                            && (!first.flags.contains(.capitalised) || first.flags.contains(.sentenceStart) || first.flags.contains(.allCaps))
                        {
                            continue
                        }
                    }
                    guard let people = name.people(of: school), !people.isEmpty else { continue }
                    Scan.append(NameHit(form: name.form, people: people, tokens: tokens), to: &scan.names)
                }
            }
        }
        return scan
    }

    /// The term id of a token: its letters, else its undisguised reading, else with stretched
    /// letters squeezed, else the word its `*`s hide; -1 when no pattern uses it. `plainTerm` is
    /// the term of its letters, looked up already.
    static func term(of index: Int, plainTerm: Int32?, in text: TokenizedText, vocabulary: WordTable, trust: CompiledTrust) -> Int32 {
        let token = text.tokens[index]
        // "f*ck": the hidden word first, else its letters alone ("fck") would win.
        if token.flags.contains(.wildcard), let id = hidden(in: text.leet(index), trust: trust) { return id }
        if let plainTerm { return plainTerm }
        if token.flags.contains(.disguised), let id = vocabulary.lookup(text.leet(index)) { return id }
        if token.flags.contains(.stretched) {
            let word = text.leet(index)
            for keep in [1, 2] {
                if let id = vocabulary.lookup(squeeze(word, keep: keep)) { return id }
            }
        }
        return -1
    }

    /// The word of the disguise targets that `word`'s `*`s may hide, letters matching elsewhere.
    static func hidden(in word: ArraySlice<UInt8>, trust: CompiledTrust) -> Int32? {
        guard word.contains(where: { $0 != UInt8(ascii: "*") }), let candidates = trust.disguiseTargets[word.count] else { return nil }
        for candidate in candidates where zip(candidate.word, word).allSatisfy({ $0 == $1 || $1 == UInt8(ascii: "*") }) {
            return candidate.term
        }
        return nil
    }

    /// Runs of three or more of one letter cut to `keep`.
    static func squeeze(_ word: ArraySlice<UInt8>, keep: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        var index = word.startIndex
        while index < word.endIndex {
            var end = index
            while end < word.endIndex && word[end] == word[index] { end += 1 }
            let run = end - index
            result.append(contentsOf: repeatElement(word[index], count: run >= 3 ? keep : run))
            index = end
        }
        return result
    }

    func has(_ cue: Cue) -> Bool { cues.contains(cue) }

    func hits(_ cue: Cue) -> [Range<Int>] {
        // Most cues are absent from most posts: answer those without building an array.
        guard cues.contains(cue) else { return [] }
        // Counted first, so the array is allocated once at its size rather than grown.
        var count = 0
        for hit in cueHits where hit.cue == cue { count += 1 }
        var result: [Range<Int>] = []
        result.reserveCapacity(count)
        for hit in cueHits where hit.cue == cue { result.append(hit.tokens) }
        return result
    }

    /// The cue's hits that are not inside a longer hit of any cue in `over` (so "killing it"
    /// hides "killing").
    func hits(_ cue: Cue, notWithin over: [Cue]) -> [Range<Int>] {
        guard cues.contains(cue) else { return [] }
        // Usually none of `over` is in the text: then nothing covers anything.
        guard over.contains(where: { cues.contains($0) }) else { return hits(cue) }
        var result: [Range<Int>] = []
        for hit in cueHits where hit.cue == cue {
            let covered = cueHits.contains { other in
                over.contains(other.cue) && other.tokens.lowerBound <= hit.tokens.lowerBound && other.tokens.upperBound >= hit.tokens.upperBound
            }
            if !covered { result.append(hit.tokens) }
        }
        return result
    }

    var tokenCount: Int { tokenized.tokens.count }

    /// Evidence for the tokens `range`: their span in the original and what was written there.
    func evidence(_ range: Range<Int>, detector: String) -> Evidence {
        let (start, end) = tokenized.span(range)
        let span = TextSpan(start: start, end: end)
        return Evidence(span: span, attachment: attachment, matched: written(in: span), detector: detector)
    }

    /// What the original text has in `span` (UTF-16 offsets).
    private func written(in span: TextSpan) -> String {
        var text = text
        // Only an ASCII text has as many UTF-16 units as UTF-8 bytes, and in one the offsets are
        // byte offsets: the bytes are cut out directly, where finding a UTF-16 offset in a
        // UTF-8 string walks the string.
        if tokenized.utf16Count == text.utf8.count && span.end <= tokenized.utf16Count {
            return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[span.start..<span.end]), as: UTF8.self) }
        }
        return span.substring(of: text).map(String.init) ?? ""
    }

    /// Whether two token ranges are within `window` of each other.
    static func near(_ a: Range<Int>, _ b: Range<Int>, within window: Proximity) -> Bool {
        a.lowerBound - b.upperBound <= window.words && b.lowerBound - a.upperBound <= window.words
    }

    func sameSentence(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        sentence[a.lowerBound] == sentence[b.lowerBound]
    }
}

extension TextView {
    /// The sentence number of token `index`.
    func sentenceNumber(_ index: Int) -> Int32 { sentence[index] }

    /// The first token of the sentence holding token `index`.
    func sentenceStart(of index: Int) -> Int {
        var start = index
        while start > 0 && sentence[start - 1] == sentence[index] { start -= 1 }
        return start
    }
}

extension TextView {
    /// Emoji the detectors ask about, by scalar: the word lists cannot match them.
    enum Emoji {
        /// 😂 🤣 😭 💀 😆 😅
        static let laughing: Set<UInt32> = [0x1F602, 0x1F923, 0x1F62D, 0x1F480, 0x1F606, 0x1F605]
        /// Laughing, eye-rolling and face-palming: 😂 🤣 🙈 🙄 😅 😆 🤦 😭 🙃
        static let joke: Set<UInt32> = [0x1F602, 0x1F923, 0x1F648, 0x1F644, 0x1F605, 0x1F606, 0x1F926, 0x1F62D, 0x1F643]
        /// A knife, dagger, gun, bomb, axe or crossed swords: 🔪 🗡 🔫 💣 🪓 ⚔
        static let weapon: Set<UInt32> = [0x1F52A, 0x1F5E1, 0x1F52B, 0x1F4A3, 0x1FA93, 0x2694]
    }

    /// Whether the text holds any of `emoji`.
    func holds(anyOf emoji: Set<UInt32>) -> Bool {
        text.unicodeScalars.contains { emoji.contains($0.value) }
    }

    /// Whether the text laughs in emoji.
    var hasLaughingEmoji: Bool { holds(anyOf: Emoji.laughing) }
}
