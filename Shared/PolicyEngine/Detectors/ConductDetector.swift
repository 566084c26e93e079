import ParapetModels

/// Cyberbullying (a child targeted) and harassment (an adult intimidated or hounded).
struct ConductDetector: Detector {
    /// Bullying phrases cruel enough alone.
    static let strongBullying: Set<String> = WordBook.set("conductStrongBullying")
    /// Telling someone to end their life, unless it is asked about ("the best way to kill yourself").
    static let selfHarmOrders: Set<String> = WordBook.set("conductSelfHarmOrders")
    /// Words before such an order that make it a question or a report, not an order.
    static let infinitive: Set<String> = WordBook.set("conductInfinitive")
    /// Bullying that says by itself the target is a child (only children are left out of play).
    static let childImplying: Set<String> = Set(Lexicon.childMockery).union([
        "nobody plays with", "no one plays with", "nobody sits with", "no one sits with", "nobody will sit with", "wets himself",
        "wets herself", "wet himself", "wet herself", "cry baby", "crybaby", "teachers pet", "teacher s pet", "nobody wants to play",
    ])
    /// Pronouns and the like that point at one person (not "they", which is as often an office).
    static let pronouns: Set<String> = WordBook.set("conductPronouns")

    enum Sign { case strong, exposure, persistence, presence, evasion, taunt }
    static let signs: [String: Sign] = {
        var signs: [String: Sign] = [:]
        let kinds: [(Sign, [String])] = [
            (.strong, Lexicon.harassmentStrong), (.exposure, Lexicon.harassmentExposure), (.persistence, Lexicon.harassmentPersistence),
            (.presence, Lexicon.harassmentPresence), (.evasion, Lexicon.harassmentEvasion), (.taunt, Lexicon.harassmentTaunt),
        ]
        for (sign, phrases) in kinds {
            for phrase in phrases {
                signs[phrase] = signs[phrase] ?? sign
                signs[joinedContractions(phrase)] = signs[joinedContractions(phrase)] ?? sign
            }
        }
        return signs
    }()
    /// Strong signs that a joke takes back ("I know where you live, I'll drop it round x").
    static let jokeable: Set<String> = WordBook.set("conductJokeable")
    static let jokes: PhraseSet = PhraseSet(WordBook.current.list("conductJokes"))

    /// "don t get to" as typed without the apostrophe: "dont get to".
    static func joinedContractions(_ phrase: String) -> String {
        var words: [Substring] = []
        for word in phrase.split(separator: " ") {
            if ["t", "s", "m", "re", "ll", "d", "ve"].contains(word), let last = words.popLast() {
                words.append(Substring(last + word))
            } else {
                words.append(word)
            }
        }
        return words.joined(separator: " ")
    }

    func detect(in post: PostContext, into found: inout Detections) {
        for view in post.allTexts {
            bullying(in: view, post: post, into: &found)
            spreading(in: view, post: post, into: &found)
            harassment(in: view, post: post, into: &found)
        }
    }

    private func bullying(in view: TextView, post: PostContext, into found: inout Detections) {
        let hits = view.hits(.bullying)
        guard !hits.isEmpty else { return }
        let pupils = post.pupilNames(in: view)
        let reported = view.hits(.reportedSpeech)
        let ownChildren = view.hits(.ownChild)
        let people = view.hits(.personReference)
        let piled = view.hits(.pileOn)
        let friendly = view.has(.affection)
        let adults = !post.adultNames(in: view).isEmpty || view.has(.staffRole)
        var bullying: [Evidence] = []
        for hit in hits {
            if reported.contains(where: { view.sameSentence($0, hit) }) { continue }
            let phrase = view.phrase(hit)
            // "our dog", "my pig": the animal itself, not a child called one.
            if hit.lowerBound > 0, LanguageDetector.possessives.contains(view.tokenized.word(hit.lowerBound - 1)),
                LanguageDetector.literalNouns.contains(phrase) || phrase == "dog"
            {
                continue
            }
            // A parent's own child before it is who it happened to ("my son was called fat").
            // …or just after it ("the teacher humiliated my son").
            let ownChildFirst = ownChildren.contains {
                view.sameSentence($0, hit)
                    && ($0.upperBound <= hit.lowerBound || $0.lowerBound >= hit.upperBound && $0.lowerBound - hit.upperBound <= 2)
            }
            let childTarget =
                pupils.contains { view.sameSentence($0.tokens, hit) } || view.inSentence(.thirdPartyChild, with: hit)
                || post.author == .pupil
                || (view.inSentence(.childWord, with: hit) && !ownChildFirst)
                || (Self.childImplying.contains(phrase) && !view.inSentence(.adultRelative, with: hit) && !view.inSentence(.staffRole, with: hit))
            if Self.strongBullying.contains(phrase) {
                guard !adults else { continue }
                // Quoted to talk about it ("things like 'nobody likes you' can hurt"), not said.
                if view.isQuoted(hit) && piled.isEmpty { continue }
                if Self.selfHarmOrders.contains(phrase), hit.lowerBound > 0, Self.infinitive.contains(view.tokenized.word(hit.lowerBound - 1)) {
                    continue
                }
                // "Go back to Romania, nobody wants you here": hate at an adult, not a child bullied.
                if view.inSentence(.exclusion, with: hit) { continue }
                bullying.append(view.evidence(hit, detector: "bullying"))
            } else if childTarget && !friendly
                && (people.contains(where: { view.sameSentence($0, hit) }) || Self.childImplying.contains(phrase))
            {
                bullying.append(view.evidence(hit, detector: "bullying"))
            }
        }
        if !bullying.isEmpty {
            found.add(.cyberbullying, bullying + piled.map { view.evidence($0, detector: "pile-on") })
        }
    }

    /// Asking others to pass on a picture or video of a child to laugh at them ("send it round
    /// everyone 😂", "RT so the whole school sees"): bullying by spreading, though no bullying word
    /// is used. Not a parent sharing their own child, the school's own post, or a warning not to share.
    private func spreading(in view: TextView, post: PostContext, into found: inout Detections) {
        let spreads = view.hits(.spreading)
        guard !spreads.isEmpty, !post.authorIsSchool, !view.has(.notSpreading) else { return }
        let mockery = view.hits(.mocking) + view.hits(.hyperbole) + view.hits(.insult) + view.hits(.negativeTrait)
        // Laughing emoji say what a short post is for; in a long one they may be about anything.
        guard !mockery.isEmpty || view.hasLaughingEmoji && view.tokenCount < 40 else { return }
        let pupils = post.pupilNames(in: view)
        let children = view.hits(.thirdPartyChild) + view.hits(.childWord) + pupils.map(\.tokens)
        // A child in the attached picture ("Year 6 at the gala") is the child being spread.
        let childInPicture = post.altTexts.contains { $0.has(.groupOfChildren) || $0.has(.soloChild) || $0.has(.childWord) }
        let pointed = view.hits(.personReference).filter { ["him", "her", "he", "she", "he s", "she s", "his"].contains(view.phrase($0)) }
        // "My son practising his recorder… sharing so you know what I live with": a parent's own child.
        let own = view.hits(.ownChild)
        guard own.isEmpty || !pupils.isEmpty || view.has(.thirdPartyChild) else { return }
        let others = children.filter { child in !own.contains { $0.overlaps(child) || $0.upperBound == child.lowerBound } }
        guard !others.isEmpty || (own.isEmpty && (!pointed.isEmpty || childInPicture)) || post.author == .pupil else { return }
        var evidence = spreads.map { view.evidence($0, detector: "spreading") }
        evidence += mockery.map { view.evidence($0, detector: "mocking") }
        found.add(.cyberbullying, evidence)
    }

    private func harassment(in view: TextView, post: PostContext, into found: inout Detections) {
        let intimidation = view.hits(.intimidation)
        let mobilising = view.hits(.mobilise)
        let personalData = view.personalData
        guard !intimidation.isEmpty || !mobilising.isEmpty || !personalData.isEmpty else { return }
        // Someone in particular: a named adult, a role, a title and surname, or "she", "him", "you".
        let person =
            !post.adultNames(in: view).isEmpty || !post.individuals(in: view).isEmpty
            || view.hits(.personReference).contains { Self.pronouns.contains(view.phrase($0)) }
        guard person else { return }
        var kinds = Set<Int>()
        var evidence: [Evidence] = []
        var strong = false
        for hit in intimidation {
            let phrase = view.phrase(hit)
            let sign = Self.signs[phrase] ?? .exposure
            if sign == .strong {
                if Self.jokeable.contains(phrase) && (view.has(.affection) || view.hasWord(Self.jokes)) { continue }
                strong = true
            }
            kinds.insert(Self.rank(sign))
            evidence.append(view.evidence(hit, detector: "intimidation"))
        }
        if !mobilising.isEmpty {
            kinds.insert(10)
            evidence += mobilising.map { view.evidence($0, detector: "mobilising") }
        }
        if !personalData.isEmpty {
            kinds.insert(Self.rank(.exposure))
            evidence += personalData
        }
        if view.has(.threatPhrase) || view.has(.harmWish) { kinds.insert(11) }
        guard strong || kinds.count >= 2 else { return }
        found.add(.harassment, evidence)
    }

    private static func rank(_ sign: Sign) -> Int {
        switch sign {
        case .strong: 0
        case .exposure: 1
        case .persistence: 2
        case .presence: 3
        case .evasion: 4
        case .taunt: 5
        }
    }
}

extension TextView {
    /// Whether the words of `range` stand inside quotation marks in the original.
    func isQuoted(_ range: Range<Int>) -> Bool {
        let (start, end) = tokenized.span(range)
        let units = text.utf16
        let quotes: Set<UInt16> = [0x22, 0x27, 0x2018, 0x2019, 0x201C, 0x201D]
        guard start > 0, let before = units.index(units.startIndex, offsetBy: start - 1, limitedBy: units.endIndex) else { return false }
        guard quotes.contains(units[before]) else { return false }
        guard let after = units.index(units.startIndex, offsetBy: end, limitedBy: units.endIndex), after < units.endIndex else { return true }
        return quotes.contains(units[after]) || units[after] == 0x20 || units[after] == 0x2E || units[after] == 0x2C
    }
}
