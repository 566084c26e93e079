import ParapetModels

/// Swearing and insults, sexually explicit language, and hate: slurs, and attacks on people for
/// who they are.
struct LanguageDetector: Detector {
    /// Insults that are only insults aimed at someone ("the toilets are disgusting" is not).
    static let aimedOnly: Set<String> = WordBook.set("languageAimedOnly")
    /// Derogatory words that describe rather than swear or call names ("vile", "ugly"): a negative
    /// comment or bullying, not abusive language.
    static let descriptive: Set<String> = WordBook.set("languageDescriptive")
    /// Name-calling mild enough that friendly teasing ("you absolute muppet, love you really")
    /// takes the sting out.
    static let teasing: Set<String> = WordBook.set("languageTeasing")
    /// Swear words that are also ordinary words (a door knob, a garden hoe, the nativity ass):
    /// swearing only when said of someone.
    static let ambiguousSwears: Set<String> = WordBook.set("languageAmbiguousSwears")
    /// Swearing run into a hashtag or a long run-together word ("#whatabullshitschool",
    /// "completeandutterknobhead"), which the word lists cannot match whole. Only stems that
    /// no ordinary word holds: not "twat" (saltwater) or "wank" (swanky).
    static func hiddenSwearing(in view: TextView) -> [Range<Int>] {
        var abusive: [Range<Int>] = []
        let tokens = view.tokenized.tokens
        for index in 0..<view.tokenCount {
            let flags = tokens[index].flags
            let letters = view.tokenized.plain(index)
            guard flags.contains(.tagged) ? letters.count >= 6 : letters.count >= 14 else { continue }
            if view.cueHits.contains(where: { $0.tokens.contains(index) && ($0.cue == .swearing || $0.cue == .benignLanguage) }) { continue }
            if hiddenSwears.contains(where: { letters.firstOffset(of: $0) != nil }) {
                abusive.append(index..<(index + 1))
            }
        }
        return abusive
    }

    /// Swear stems looked for inside hashtags and long run-together words.
    static let hiddenSwears: [[UInt8]] = WordBook.current.list("languageHiddenSwears").map { Array($0.utf8) }
    /// Person references that only intensify or point ("absolute", "that"), not who is meant.
    static let weakReferences: Set<String> = WordBook.set("languageWeakReferences")
    /// Words just before an ambiguous swear that make it name-calling ("a knob", "you dick").
    static let callers: Set<String> = WordBook.set("languageCallers")
    /// Words just before an insult that aim it ("a prat", "you muppet", "absolute numpty").
    static let insultCallers: Set<String> = WordBook.set("languageInsultCallers")
    /// Insults that are first of all animals and things ("a donkey outfit", "the pig farm"): only
    /// said of someone pointed at ("you pig", "he's a snake", "absolute cow").
    static let literalNouns: Set<String> = WordBook.set("languageLiteralNouns")
    static let intensifiers: Set<String> = WordBook.set("languageIntensifiers")
    /// Words that make a sexual-sounding word education or health ("RSE uses the correct names").
    static let teaching: PhraseSet = PhraseSet(WordBook.current.list("languageTeaching"))
    /// Sexual words crude enough to be abusive language too.
    static let crude: Set<String> = WordBook.set("languageCrude")
    /// Sexual slurs that, said of a person, are grossly obscene as well as abusive.
    static let sexualSlurs: Set<String> = WordBook.set("languageSexualSlurs")
    /// Group words that are also adjectives for languages and things ("French homework"): hostile
    /// adjectives alone do not make them an attack on people.
    static let adjectivalGroups: Set<String> = WordBook.set("languageAdjectivalGroups")
    /// Generic sex and gender words: only a close, plain attack counts.
    static let genderGroups: Set<String> = WordBook.set("languageGenderGroups")
    /// Conspiracy claims ("they control everything"): only straight after the group.
    static let conspiracy: Set<String> = WordBook.set("languageConspiracy")
    /// Exclusion that is also everyday talk ("go back to school", "go home"): only with a
    /// generalisation or another attack.
    static let weakExclusion: Set<String> = WordBook.set("languageWeakExclusion")
    /// The cues whose hits `detect` weighs, one of which a text needs for any finding.
    static let languageCues: [Cue] = [
        .swearing, .insult, .slurRace, .slurReligion, .slurSexuality, .slurGender, .slurDisability, .trustSlur, .identityGroup, .exclusion,
        .sexual, .sexualAmbiguous,
    ]
    /// Words before a dehumanising word that make it literal ("their dog", "my pig").
    static let possessives: Set<String> = WordBook.set("languagePossessives")

    func detect(in post: PostContext, into found: inout Detections) {
        for view in post.allTexts {
            // Each finding below starts from one of these cues: most texts have none of them.
            let hidden = view.hiddenSwearing
            guard Self.languageCues.contains(where: view.has) || !hidden.isEmpty else { continue }
            let reading = Reading(view, in: post)
            var abusive = reading.swearing() + reading.insults() + hidden.map { view.evidence($0, detector: "hidden-swearing") }
            let slurs = reading.slurs()
            abusive += slurs.abusive
            let hate = slurs.hate + identityAttacks(in: view)
            if let obscene = reading.obscenity() {
                found.add(.grosslyObscene, obscene.map { view.evidence($0, detector: "sexual") })
                abusive += reading.crude(in: obscene, besides: abusive)
            }
            if !hate.isEmpty { found.add(.hateSpeech, hate) }
            if !abusive.isEmpty { found.add(.abusiveLanguage, abusive) }
        }
    }

    /// One text read for rude words, and whom they are aimed at.
    private struct Reading {
        let view: TextView
        /// People pointed at ("you", "he's", "that woman"), worked out only for texts with
        /// something rude in them.
        let aims: [Range<Int>]
        /// Names of people at the school, likewise.
        let names: [Range<Int>]

        init(_ view: TextView, in post: PostContext) {
            self.view = view
            let rude = view.has(.swearing) || view.has(.insult)
            aims = rude ? view.hits(.personReference).filter { !LanguageDetector.weakReferences.contains(view.phrase($0)) } : []
            names = rude && !view.names.isEmpty ? post.pupilNames(in: view).map(\.tokens) + post.adultNames(in: view).map(\.tokens) : []
        }

        /// Whether someone is pointed at within `distance` tokens before `hit`, in its sentence.
        func pointedAt(before hit: Range<Int>, within distance: Int) -> Bool {
            aims.contains { $0.upperBound <= hit.lowerBound && hit.lowerBound - $0.upperBound <= distance && view.sameSentence($0, hit) }
        }

        /// Whether a word is said of someone: "you idiot", "he's a muppet", "such a prat".
        func aimed(_ hit: Range<Int>) -> Bool {
            if LanguageDetector.literalNouns.contains(view.phrase(hit)) {
                return hit.lowerBound > 0 && LanguageDetector.intensifiers.contains(view.tokenized.word(hit.lowerBound - 1))
                    || pointedAt(before: hit, within: 3)
            }
            if pointedAt(before: hit, within: 3) { return true }
            if hit.lowerBound > 0 && LanguageDetector.insultCallers.contains(view.tokenized.word(hit.lowerBound - 1)) {
                // "squeaking like a rat" is a simile, not name-calling.
                let simile = hit.lowerBound > 1 && ["like", "as"].contains(view.tokenized.word(hit.lowerBound - 2))
                if !simile { return true }
            }
            return names.contains { view.sameSentence($0, hit) && $0.upperBound <= hit.lowerBound && hit.lowerBound - $0.upperBound <= 3 }
        }

        /// Swear words, outside idioms and harmless look-alikes; one that is also an ordinary
        /// word (a door knob) only when said of someone.
        func swearing() -> [Evidence] {
            var abusive: [Evidence] = []
            for hit in view.hits(.swearing, notWithin: [.violenceIdiom, .benignLanguage]) {
                if LanguageDetector.ambiguousSwears.contains(view.phrase(hit)) {
                    if view.isProperName(hit) { continue }
                    let before = hit.lowerBound > 0 ? view.tokenized.word(hit.lowerBound - 1) : ""
                    guard LanguageDetector.callers.contains(before) || pointedAt(before: hit, within: 2) else { continue }
                }
                abusive.append(view.evidence(hit, detector: "swearing"))
            }
            return abusive
        }

        /// Insults, unless said of oneself, descriptive, friendly teasing, or (for those that
        /// are only insults aimed at someone) aimed at nobody.
        func insults() -> [Evidence] {
            var abusive: [Evidence] = []
            let selfTalk = view.hits(.selfDeprecation)
            let friendly = view.has(.affection)
            for hit in view.hits(.insult, notWithin: [.benignLanguage]) {
                if selfTalk.contains(where: { $0.upperBound <= hit.lowerBound && hit.lowerBound - $0.upperBound <= 2 }) { continue }
                let phrase = view.phrase(hit)
                if LanguageDetector.descriptive.contains(phrase) || friendly && LanguageDetector.teasing.contains(phrase) { continue }
                if LanguageDetector.aimedOnly.contains(phrase) {
                    guard aimed(hit), !view.followedByThingOfA(hit) else { continue }
                }
                abusive.append(view.evidence(hit, detector: "insult"))
            }
            return abusive
        }

        /// Slurs: hate, and a slur word is abusive too; a hateful trope ("tea towel on their
        /// heads") is hate alone.
        func slurs() -> (hate: [Evidence], abusive: [Evidence]) {
            var hate: [Evidence] = []
            for cue in [Cue.slurRace, .slurReligion, .slurSexuality, .slurGender, .slurDisability, .trustSlur] {
                for hit in view.hits(cue, notWithin: [.benignLanguage]) {
                    hate.append(view.evidence(hit, detector: "slur-\(cue.name)"))
                }
            }
            var abusive: [Evidence] = []
            for cue in [Cue.slurRace, .slurReligion, .slurSexuality, .slurDisability, .trustSlur] {
                for hit in view.hits(cue, notWithin: [.benignLanguage]) where hit.count == 1 {
                    abusive.append(view.evidence(hit, detector: "slur-\(cue.name)"))
                }
            }
            return (hate, abusive)
        }

        /// The sexual words of a sexually explicit text, or nil when it is not one: an explicit
        /// word, two different ambiguous ones outside teaching, or a sexual slur said of someone.
        func obscenity() -> [Range<Int>]? {
            let sexual = view.hits(.sexual, notWithin: [.benignLanguage])
            let ambiguous = view.hits(.sexualAmbiguous, notWithin: [.sexual, .benignLanguage])
            var obscene = sexual + ambiguous
            var explicit = !sexual.isEmpty || Set(ambiguous.map { view.phrase($0) }).count >= 2 && !view.hasWord(LanguageDetector.teaching)
            // The strongest sexual slurs said of someone ("you dirty slut", "she's a whore").
            for hit in view.hits(.swearing) where LanguageDetector.sexualSlurs.contains(view.phrase(hit)) && aimed(hit) {
                explicit = true
                obscene.append(hit)
            }
            return explicit ? obscene : nil
        }

        /// The obscene words crude enough to be abusive language too, that `abusive` does not
        /// hold already.
        func crude(in obscene: [Range<Int>], besides abusive: [Evidence]) -> [Evidence] {
            var crude: [Evidence] = []
            let tokens = view.tokenized.tokens
            for hit in obscene
            where hit.contains(where: { LanguageDetector.crude.contains(view.tokenized.word($0)) || tokens[$0].flags.contains(.wildcard) }) {
                let span = view.evidence(hit, detector: "").span
                if !abusive.contains(where: { $0.span == span }) && !crude.contains(where: { $0.span == span }) {
                    crude.append(view.evidence(hit, detector: "crude"))
                }
            }
            return crude
        }
    }

    /// A group named and attacked: dehumanised, told to leave, sworn at or called something hostile.
    private func identityAttacks(in view: TextView) -> [Evidence] {
        guard view.has(.identityGroup) || view.has(.exclusion) else { return [] }
        let groups = view.hits(.identityGroup)
        var result: [Evidence] = []
        let dehumanising = view.hits(.dehumanising)
        let exclusion = view.hits(.exclusion)
        let hostile = view.hits(.hostileAdjective)
        let swearing = view.hits(.swearing)
        for group in groups {
            let name = view.phrase(group)
            let gendered = Self.genderGroups.contains(name)
            let window: Proximity = gendered ? .genderedGroupAttack : .groupAttack
            // The group's sentence, or the next one when it goes on about them ("…came over. Dirty, lazy…").
            func close(_ hit: Range<Int>, within distance: Proximity) -> Bool {
                guard !hit.overlaps(group), TextView.near(hit, group, within: distance) else { return false }
                let gap = view.sentence[hit.lowerBound] - view.sentence[group.lowerBound]
                return gap == 0 || (gap == 1 && !gendered)
            }
            var attacks: [Range<Int>] = []
            for hit in dehumanising where close(hit, within: window) {
                let phrase = view.phrase(hit)
                if Self.conspiracy.contains(phrase) {
                    guard hit.lowerBound == group.upperBound, phrase.hasPrefix("run") ? name.contains("jew") : true else { continue }
                } else if hit.lowerBound > 0 && Self.possessives.contains(view.tokenized.word(hit.lowerBound - 1)) {
                    continue
                }
                attacks.append(hit)
            }
            // "Gays are…", "immigrants are…": a statement about the whole group.
            let copula = group.upperBound < view.tokenCount && ["are", "r"].contains(view.tokenized.word(group.upperBound))
            let generalisedGroup = copula || view.inSentence(.generalisation, with: group)
            for hit in exclusion where close(hit, within: window) {
                if Self.weakExclusion.contains(view.phrase(hit)) && !generalisedGroup && attacks.isEmpty { continue }
                attacks.append(hit)
            }
            // "f*cking immigrants", "bloody foreigners".
            if !gendered, group.lowerBound > 0 {
                let before = group.lowerBound - 1
                if swearing.contains(where: { $0.upperBound == group.lowerBound }) || view.tokenized.word(before) == "bloody" {
                    attacks.append(before..<group.lowerBound)
                }
            }
            if !Self.adjectivalGroups.contains(name) {
                let generalised = generalisedGroup || !attacks.isEmpty
                if generalised {
                    for hit in hostile
                    where view.sameSentence(hit, group) && TextView.near(hit, group, within: gendered ? .genderedHostileAdjective : .hostileAdjective)
                        && !hit.overlaps(group)
                    {
                        attacks.append(hit)
                    }
                }
            }
            guard !attacks.isEmpty else { continue }
            result.append(view.evidence(group, detector: "identity-attack"))
            result += attacks.map { view.evidence($0, detector: "identity-attack") }
        }
        // "Go back to Romania, nobody wants you here", said to someone.
        for hit in exclusion where view.phrase(hit) == "go back to" {
            let start = view.tokenized.tokens[hit.lowerBound].flags.contains(.sentenceStart)
            let next = hit.upperBound
            let unwelcome = exclusion.contains { !$0.overlaps(hit) && view.sameSentence($0, hit) && !Self.weakExclusion.contains(view.phrase($0)) }
            if start, unwelcome, next < view.tokenCount, view.tokenized.tokens[next].flags.contains(.capitalised) {
                result.append(view.evidence(hit.lowerBound..<(next + 1), detector: "identity-attack"))
            }
        }
        return result
    }
}

extension TextView {
    /// Whether a capitalised word in mid-sentence stands next to another: a name ("Dick Whittington").
    func isProperName(_ range: Range<Int>) -> Bool {
        let tokens = tokenized.tokens
        let first = tokens[range.lowerBound].flags
        guard first.contains(.capitalised), !first.contains(.allCaps) else { return false }
        // Capitalised in mid-sentence: a name ("my dad's name is Dick").
        if !first.contains(.sentenceStart) && !first.contains(.afterBreak) { return true }
        let nextCapitalised =
            range.upperBound < tokenCount && tokens[range.upperBound].flags.contains(.capitalised)
            && !tokens[range.upperBound].flags.contains(.sentenceStart)
        let previousCapitalised =
            range.lowerBound > 0 && tokens[range.lowerBound - 1].flags.contains(.capitalised)
            && !first.contains(.sentenceStart)
        return nextCapitalised || previousCapitalised
    }

    /// "loser of a day": an insult followed by "of a" and a thing, not a person.
    func followedByThingOfA(_ range: Range<Int>) -> Bool {
        let next = range.upperBound
        guard next + 2 < tokenCount || next + 2 == tokenCount else { return false }
        guard next + 1 < tokenCount, tokenized.word(next) == "of", tokenized.word(next + 1) == "a" || tokenized.word(next + 1) == "an" else {
            return false
        }
        guard next + 2 < tokenCount else { return true }
        return !Self.people.contains(tokenized.word(next + 2))
    }

    static let people: Set<String> = WordBook.set("languagePeople")
}
