import ParapetModels

/// Allegations of misconduct, defamatory statements of fact, and derogatory comments, each
/// about an identifiable person at the school.
struct AccusationDetector: Detector {
    /// Misconduct words that accuse only with a child as their object ("ignored my son", not
    /// "ignored my emails").
    static let needsChild: PhraseSet = PhraseSet(WordBook.current.list("accusationNeedsChild"))
    /// Defamatory words that need the target right before them ("Mr X is a liar").
    static let closeOnly: Set<String> = WordBook.set("accusationCloseOnly")
    /// Defamatory facts about someone's record rather than a wrong they did ("was sacked",
    /// "has a criminal record"): defamation, but no allegation of misconduct.
    static let recordOnly: Set<String> = WordBook.set("accusationRecordOnly")
    /// Leading words of defamatory names for a person ("a liar", "a thief", "corrupt"), which are
    /// also derogatory about them.
    static let nameCalling: [String] = WordBook.current.list("accusationNameCalling")
    /// Pronouns that carry a person over from the sentence before ("Mr X lied. She's a fraud.").
    static let carriers: PhraseSet = PhraseSet(WordBook.current.list("accusationCarriers"))

    /// Misconduct words that, in a picture's description, say what the picture shows ("a boy
    /// kicking a ball, filmed by his dad"), not what someone did to a child.
    static let pictured: PhraseSet = PhraseSet(WordBook.current.list("accusationPictured"))
    /// Misconduct that only an adult can be accused of when the words read "left her" ("Diya left her water bottle").
    static let adultOnly: PhraseSet = PhraseSet(WordBook.current.list("accusationAdultOnly"))
    /// Described people who are parents, not staff or pupils.
    static let parentWords: [String] = WordBook.current.list("accusationParentWords")
    /// Bullying cues that name an act (reported or condemned), not an insult to the person.
    static let bullyingActs: [String] = WordBook.current.list("accusationBullyingActs")
    static let secondPerson: PhraseSet = PhraseSet(WordBook.current.list("accusationSecondPerson"))
    /// The cues whose hits `detect` weighs, one of which a text needs for any finding.
    static let accusingCues: [Cue] = [.misconduct, .defamatory, .negativeTrait, .insult, .bullying, .swearing, .sexual]

    func detect(in post: PostContext, into found: inout Detections) {
        // Bullying a child is a derogatory comment about that child too (the conduct detector
        // runs first and has found the child as the target).
        if found.contains(.cyberbullying) {
            found.add(.negativeCommentAboutIndividual, found.evidence(of: .cyberbullying))
        }
        for view in post.allTexts {
            // Every finding below starts from one of these cues: a text with none of them is
            // settled before working out who it is about.
            guard Self.accusingCues.contains(where: view.has), let reading = Reading(view, in: post) else { continue }
            let defamatory = reading.defamatoryStatements()
            let allegation = reading.allegations() + defamatory.allegation
            if !allegation.isEmpty { found.add(.allegation, allegation) }
            if !defamatory.defamation.isEmpty { found.add(.defamation, defamatory.defamation) }
            let negative = defamatory.nameCalling + reading.derogatoryTraits() + reading.bullyingWords() + reading.swearingAtSomeone()
            if !negative.isEmpty { found.add(.negativeCommentAboutIndividual, negative) }
        }
    }

    /// One text read for accusations: who it could be about, and the words around them that
    /// settle whether a hit is about that person.
    private struct Reading {
        let view: TextView
        let post: PostContext
        let targets: [Range<Int>]
        let secondPerson: [Range<Int>]
        let described: [Range<Int>]
        /// Described people who are parents: accused of nothing a member of staff could be.
        let parents: [Range<Int>]
        let carried: [Range<Int>]
        let elsewhere: [Range<Int>]
        let praise: [Range<Int>]
        let children: [Range<Int>]
        let childTargets: [Range<Int>]

        /// Nil when the text names nobody it could be about.
        init?(_ view: TextView, in post: PostContext) {
            let targets = post.individuals(in: view)
            let secondPerson = view.hits(.personReference).filter { view.phrase($0, isIn: AccusationDetector.secondPerson) }
            guard !targets.isEmpty || !secondPerson.isEmpty else { return nil }
            self.view = view
            self.post = post
            self.targets = targets
            self.secondPerson = secondPerson
            let described = view.hits(.personDescription)
            let relatives = view.hits(.adultRelative)
            self.described = described
            parents = described.filter { hit in
                AccusationDetector.parentWords.contains { view.phrase(hit).contains($0) }
                    || relatives.contains { $0.lowerBound >= hit.upperBound && $0.lowerBound <= hit.upperBound + 1 }
            }
            carried = view.hits(.personReference).filter { view.phrase($0, isIn: AccusationDetector.carriers) }
            elsewhere = view.hits(.reportedElsewhere)
            praise = view.hits(.praise)
            let pupils = post.pupilNames(in: view).map(\.tokens)
            children = view.hits(.childWord) + view.hits(.ownChild) + view.hits(.thirdPartyChild) + pupils
            childTargets = view.hits(.thirdPartyChild) + pupils
        }

        /// The person a hit is about: one in its sentence within `window` tokens, else (when
        /// its sentence names nobody and carries a pronoun or opens with the hit) the last
        /// one named in the sentence before.
        func target(for hit: Range<Int>, within window: Proximity = .accusationTarget, carryOver: Bool = true) -> Range<Int>? {
            if let person = targets.first(where: { !$0.overlaps(hit) && view.sameSentence($0, hit) && TextView.near($0, hit, within: window) }) {
                return person
            }
            // "the mum with the white range rover who parks on the zigzags … is the most entitled …"
            if let described = described.first(where: { description in
                view.sameSentence(description, hit) && description.upperBound <= hit.lowerBound
                    && description.contains { ["who", "with", "that"].contains(view.tokenized.word($0)) }
            }) {
                return described
            }
            guard carryOver, !targets.contains(where: { view.sameSentence($0, hit) }) else { return nil }
            let sentence = view.sentenceNumber(hit.lowerBound)
            guard sentence > 0 else { return nil }
            let opens = view.sentenceStart(of: hit.lowerBound) + 3 >= hit.lowerBound
            guard opens || carried.contains(where: { view.sameSentence($0, hit) }) else { return nil }
            return targets.last { view.sentenceNumber($0.lowerBound) == sentence - 1 }
        }

        /// Whether the hit's sentence says it was reported elsewhere ("in the news").
        func reportedElsewhere(_ hit: Range<Int>) -> Bool { elsewhere.contains { view.sameSentence($0, hit) } }

        /// Praise later in the sentence takes criticism back ("his jokes are terrible but the kids love him").
        func takenBack(_ hit: Range<Int>) -> Bool { praise.contains { view.sameSentence($0, hit) && $0.lowerBound > hit.upperBound } }

        /// Evidence of a person and what is said of them.
        func said(of person: Range<Int>, _ hit: Range<Int>, as names: (person: String, hit: String)) -> [Evidence] {
            [view.evidence(person, detector: names.person), view.evidence(hit, detector: names.hit)]
        }

        /// Misconduct said of someone at the school, not an accident, a question or news.
        func allegations() -> [Evidence] {
            var allegation: [Evidence] = []
            for hit in view.hits(.misconduct, notWithin: [.accidentContext, .misconductIdiom]) {
                guard let person = target(for: hit, within: .allegationTarget), !parents.contains(person),
                    !view.inSentence(.accidentContext, with: hit),
                    !reportedElsewhere(hit)
                else {
                    continue
                }
                if view.phrase(hit, isIn: AccusationDetector.adultOnly) && childTargets.contains(person) { continue }
                if view.attachment != nil && view.phrase(hit, isIn: AccusationDetector.pictured) { continue }
                if view.phrase(hit, isIn: AccusationDetector.needsChild)
                    && !children.contains(where: { view.sameSentence($0, hit) && !$0.overlaps(person) })
                {
                    continue
                }
                if view.inSentence(.question, with: hit) { continue }
                allegation += said(of: person, hit, as: ("accused", "misconduct"))
            }
            return allegation
        }

        /// Defamatory statements of fact about someone: defamation, an allegation unless only
        /// about their record, and name-calling too when they call the person something.
        func defamatoryStatements() -> (defamation: [Evidence], allegation: [Evidence], nameCalling: [Evidence]) {
            var defamation: [Evidence] = []
            var allegation: [Evidence] = []
            var nameCalling: [Evidence] = []
            for hit in view.hits(.defamatory, notWithin: [.misconductIdiom]) where !reportedElsewhere(hit) {
                let phrase = view.phrase(hit)
                let close = AccusationDetector.closeOnly.contains(phrase)
                guard let person = target(for: hit, within: close ? .directTarget : .accusationTarget, carryOver: !close),
                    person.lowerBound < hit.lowerBound || !close
                else {
                    continue
                }
                if view.inSentence(.question, with: hit) && !view.inSentence(.personReference, with: hit) { continue }
                let evidence = said(of: person, hit, as: ("accused", "defamatory"))
                defamation += evidence
                if !AccusationDetector.recordOnly.contains(phrase) { allegation += evidence }
                if AccusationDetector.nameCalling.contains(where: { phrase.hasPrefix($0) }) && !phrase.hasSuffix("ing")
                    && !phrase.containsASCII("ing ") && person.lowerBound < hit.lowerBound
                {
                    nameCalling += said(of: person, hit, as: ("person", "derogatory"))
                }
            }
            return (defamation, allegation, nameCalling)
        }

        /// Negative traits and insults said of someone, unless taken back or reported.
        func derogatoryTraits() -> [Evidence] {
            var negative: [Evidence] = []
            for hit in view.hits(.negativeTrait, notWithin: [.misconductIdiom]) + view.hits(.insult, notWithin: [.misconductIdiom])
            where !reportedElsewhere(hit) {
                guard let person = target(for: hit, within: .traitTarget), !reportedElsewhere(person), !takenBack(hit) else { continue }
                negative += said(of: person, hit, as: ("person", "derogatory"))
            }
            return negative
        }

        /// Bullying words aimed at a child (or, from a pupil, at the reader): derogatory about them too.
        func bullyingWords() -> [Evidence] {
            var negative: [Evidence] = []
            let reported = view.hits(.reportedSpeech)
            let addressed = post.author == .pupil ? secondPerson : []
            for hit in view.hits(.bullying, notWithin: [.misconductIdiom]) where !reported.contains(where: { view.sameSentence($0, hit) }) {
                if takenBack(hit) { continue }
                // From a pupil, insults at "you" are aimed at the reader; otherwise they need a person.
                if let person = addressed.first(where: { view.sameSentence($0, hit) }) {
                    negative += said(of: person, hit, as: ("person", "derogatory"))
                    continue
                }
                let phrase = view.phrase(hit)
                if AccusationDetector.bullyingActs.contains(where: { phrase.hasPrefix($0) }) || phrase.containsASCII(" you") { continue }
                if let person = target(for: hit, within: .bullyingTarget), !reportedElsewhere(person) {
                    negative += said(of: person, hit, as: ("person", "derogatory"))
                }
            }
            return negative
        }

        /// Swearing or a sexual slur aimed straight at a person ("Mr X is a pr!ck", "the head, you absolute c*nt").
        func swearingAtSomeone() -> [Evidence] {
            var negative: [Evidence] = []
            for hit in view.hits(.swearing) + view.hits(.sexual) + view.hiddenSwearing {
                guard let person = target(for: hit, within: .directTarget, carryOver: false), person.upperBound <= hit.lowerBound else { continue }
                negative += said(of: person, hit, as: ("person", "derogatory"))
            }
            return negative
        }
    }
}
