import ParapetModels

/// Threats of violence and wishes of harm, told apart from idioms ("killing it", "could kill for
/// a coffee"), from violence in games, films and the news, and from threats someone else made.
struct ViolenceDetector: Detector {
    /// Veiled warnings that threaten only with a nudge ("…that's all I'm saying", a knife emoji).
    static let caution: Set<String> = WordBook.set("violenceCaution")
    static let insinuation: Set<String> = WordBook.set("violenceInsinuation")
    /// Killing words a parent says of their own child in exasperation ("I'm going to kill him 🙈").
    static let exasperation: Set<String> = WordBook.set("violenceExasperation")
    /// Verbs that open an order to attack ("bomb the school", "torch that place").
    static let imperative: Set<String> = WordBook.set("violenceImperative")
    /// Words that point the harm at somebody when no person cue does.
    static let targets: PhraseSet = PhraseSet(WordBook.current.list("violenceTargets"))

    /// Words after a violent verb that say its object is no person ("smash that exam"): a
    /// determiner, then none of these.
    static let determiners: Set<String> = WordBook.set("violenceDeterminers")
    static let reflexive: Set<String> = WordBook.set("violenceReflexive")
    static let objects: Set<String> = WordBook.set("violenceObjects")
    static let personCues: [Cue] = [.staffRole, .childWord, .adultRelative, .thirdPartyChild, .identityGroup, .insult, .swearing, .personTitle]

    func detect(in post: PostContext, into found: inout Detections) {
        for view in post.allTexts {
            // A threat needs a threatening phrase, a wish of harm or a violent word.
            guard view.has(.threatPhrase) || view.has(.harmWish) || view.has(.violence) else { continue }
            var evidence: [Evidence] = []
            let reported = view.hits(.reportedSpeech)
            func isReported(_ hit: Range<Int>) -> Bool {
                reported.contains { $0.upperBound <= hit.lowerBound && view.sameSentence($0, hit) }
            }
            let phrases = view.hits(.threatPhrase, notWithin: [.violenceIdiom])
            let insinuating = phrases.contains { Self.insinuation.contains(view.phrase($0)) }
            for hit in phrases where !isReported(hit) {
                let phrase = view.phrase(hit)
                if Self.insinuation.contains(phrase) { continue }
                if Self.caution.contains(phrase) && !insinuating && !view.hasWeaponEmoji { continue }
                evidence.append(view.evidence(hit, detector: "threat"))
            }
            for hit in view.hits(.harmWish, notWithin: [.violenceIdiom]) where !isReported(hit) {
                evidence.append(view.evidence(hit, detector: "threat"))
            }
            let intents = view.hits(.threatIntent)
            var people: [Range<Int>]?
            for hit in view.hits(.violence, notWithin: [.violenceIdiom, .threatPhrase, .harmWish]) {
                guard !view.inSentence(.violenceIdiom, with: hit), !isReported(hit) else { continue }
                let phrase = view.phrase(hit)
                let intended = intents.contains {
                    $0.upperBound <= hit.lowerBound + 1 && hit.lowerBound - $0.upperBound <= 4 && view.sameSentence($0, hit)
                }
                let ordered =
                    Self.imperative.contains(phrase) && view.tokenized.tokens[hit.lowerBound].flags.contains(.sentenceStart)
                    && (view.schools.contains { view.sameSentence($0.tokens, hit) } || view.inSentence(.schoolWord, with: hit))
                guard intended || ordered else { continue }
                if people == nil { people = view.hits(.personReference).filter { !LanguageDetector.weakReferences.contains(view.phrase($0)) } }
                let target =
                    people!.contains { view.sameSentence($0, hit) }
                    || view.inSentence(.staffRole, with: hit) || view.inSentence(.schoolWord, with: hit) || !view.names.isEmpty
                    || view.inSentence(.thirdPartyChild, with: hit) || view.inSentence(.identityGroup, with: hit)
                    || view.schools.contains { view.sameSentence($0.tokens, hit) } || view.sentenceHasWord(of: hit, in: Self.targets)
                guard target, hit.count > 1 || !aimsAtThing(hit, in: view) else { continue }
                // "I'm going to kill him, that's the third jumper he's lost 🙈": exasperation, not a threat.
                if Self.exasperation.contains(phrase) || phrase.hasPrefix("kill") {
                    if view.hasJokeEmoji || view.has(.affection) { continue }
                }
                evidence.append(view.evidence(hit, detector: "violence-intent"))
            }
            if !evidence.isEmpty { found.add(.threatOfViolence, evidence) }
        }
    }

    /// Whether a one-word violent verb's object is plainly a thing or the speaker ("smash that
    /// exam", "murder the song", "hurt myself").
    private func aimsAtThing(_ hit: Range<Int>, in view: TextView) -> Bool {
        let next = hit.upperBound
        guard next < view.tokenCount else { return false }
        let word = view.tokenized.word(next)
        if Self.reflexive.contains(word) { return true }
        guard Self.determiners.contains(word) else { return false }
        for index in (next + 1)..<min(next + 4, view.tokenCount) {
            if Self.objects.contains(view.tokenized.word(index)) { return false }
            if view.cueHits.contains(where: { $0.tokens.lowerBound == index && Self.personCues.contains($0.cue) }) { return false }
            if view.names.contains(where: { $0.tokens.lowerBound == index }) || view.schools.contains(where: { $0.tokens.lowerBound == index }) {
                return false
            }
        }
        return true
    }
}

extension TextView {
    /// Whether the text holds a knife, gun or bomb emoji.
    var hasWeaponEmoji: Bool { holds(anyOf: Emoji.weapon) }

    /// Whether the text holds a laughing, eye-rolling or face-palming emoji.
    var hasJokeEmoji: Bool { holds(anyOf: Emoji.joke) }

    /// Whether any word, or pair of words (joined by a space), of the text is one of `words`,
    /// read in place (`phrase(_:isIn:)`): making a String of every word and of every pair to
    /// look them up cost more than the rest of most detectors.
    func hasWord(_ words: PhraseSet) -> Bool {
        for index in 0..<tokenCount {
            if phrase(index..<(index + 1), isIn: words) { return true }
            if index + 1 < tokenCount && phrase(index..<(index + 2), isIn: words) { return true }
        }
        return false
    }

    /// Whether the sentence of `range` holds one of `words`.
    func sentenceHasWord(of range: Range<Int>, in words: PhraseSet) -> Bool {
        let number = sentence[range.lowerBound]
        var index = range.lowerBound
        while index > 0 && sentence[index - 1] == number { index -= 1 }
        while index < tokenCount && sentence[index] == number {
            if phrase(index..<(index + 1), isIn: words) { return true }
            index += 1
        }
        return false
    }
}
