import ParapetModels

/// Allegations of misconduct, defamatory statements of fact, and derogatory comments, each
/// about an identifiable person at the school.
struct AccusationDetector: Detector {
    /// Misconduct words that accuse only with a child as their object ("ignored my son", not
    /// "ignored my emails").
    static let needsChild: Set<String> = [
        "ignored", "ignoring", "did nothing", "done nothing", "does nothing", "failed to", "failing to", "left him", "left her",
        "left them", "bit", "threw", "thrown", "isolated", "filmed", "filming", "photographed", "targeted", "targeting", "favourites",
        "favouritism", "mocking", "laughed at", "hurt my", "injured", "bruised", "bruises", "marks on", "harmed", "kicked",
        "punched", "tripped", "spat", "withheld", "withholding", "lies", "lying", "threatening", "intimidating", "inappropriate",
        "wet himself", "wet herself", "soiled", "no water", "made my", "sent him out", "sent her out", "isolation booth",
    ]
    /// Defamatory words that need the target right before them ("Mr X is a liar").
    static let closeOnly: Set<String> = [
        "drunk", "dodgy", "shady", "bent", "fake", "cheat", "cheats", "cheated", "cheating", "racist", "a racist", "sexist", "bigot",
        "dealer", "unhinged", "mentally unstable", "shagging", "sleeping with",
    ]

    func detect(in post: PostContext, into found: inout Detections) {
        for view in post.allTexts {
            let targets = post.individuals(in: view)
            guard !targets.isEmpty else { continue }
            func target(for hit: Range<Int>, within window: Int = 12) -> Range<Int>? {
                targets.first { !$0.overlaps(hit) && view.sameSentence($0, hit) && TextView.near($0, hit, within: window) }
            }
            let children = view.hits(.childWord) + view.hits(.ownChild) + view.hits(.thirdPartyChild) + post.pupilNames(in: view).map(\.tokens)
            var allegation: [Evidence] = []
            for hit in view.hits(.misconduct, notWithin: [.accidentContext]) {
                guard let person = target(for: hit), !view.inSentence(.accidentContext, with: hit) else { continue }
                if Self.needsChild.contains(view.phrase(hit)) && !children.contains(where: { view.sameSentence($0, hit) && !$0.overlaps(person) }) {
                    continue
                }
                if view.inSentence(.question, with: hit) { continue }
                allegation += [view.evidence(person, detector: "accused"), view.evidence(hit, detector: "misconduct")]
            }
            if !allegation.isEmpty { found.add(.allegation, allegation) }

            var defamation: [Evidence] = []
            for hit in view.hits(.defamatory) {
                let close = Self.closeOnly.contains(view.phrase(hit))
                guard let person = target(for: hit, within: close ? 4 : 12), person.lowerBound < hit.lowerBound || !close else { continue }
                defamation += [view.evidence(person, detector: "accused"), view.evidence(hit, detector: "defamatory")]
            }
            if !defamation.isEmpty { found.add(.defamation, defamation) }

            var negative: [Evidence] = []
            for hit in view.hits(.negativeTrait) + view.hits(.insult) {
                guard let person = target(for: hit, within: 8) else { continue }
                negative += [view.evidence(person, detector: "person"), view.evidence(hit, detector: "derogatory")]
            }
            if !negative.isEmpty { found.add(.negativeCommentAboutIndividual, negative) }
        }
    }
}
