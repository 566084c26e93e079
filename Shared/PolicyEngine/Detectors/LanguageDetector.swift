import ParapetModels

/// Swearing and insults, sexually explicit language, and hate: slurs, and attacks on people for
/// who they are.
struct LanguageDetector: Detector {
    /// Insults that are only insults aimed at someone ("the toilets are disgusting" is not).
    static let aimedOnly: Set<String> = [
        "vile", "pig", "pigs", "cow", "trash", "tramp", "tramps", "pathetic", "worthless", "cockroach", "rat", "rats", "snake", "snakes",
        "maggot", "maggots", "parasite", "parasites", "leech", "leeches", "vermin", "filth", "filthy", "disgusting", "repulsive", "ugly",
        "hag", "witch", "dragon", "battleaxe", "gobby", "mouthy", "ignorant", "dope", "clown", "clowns", "donkey", "doughnut", "creep",
        "creeps", "weirdo", "freak", "freaks", "dumb", "stupid", "nerd", "nerds", "chav", "chavs", "trash", "melt", "melts", "div",
        "divs", "lunatic", "nutter", "nutcase", "shut up", "get lost", "sad act", "saddo", "sack of", "bozo", "dweeb", "gimp", "muppet",
        "muppets", "numpty", "numpties", "plonker", "twit", "twits", "jobsworth", "scrounger", "scroungers", "tramp", "inbred",
    ]

    func detect(in post: PostContext, into found: inout Detections) {
        for view in post.allTexts {
            var abusive: [Evidence] = []
            for hit in view.hits(.swearing, notWithin: [.violenceIdiom]) {
                abusive.append(view.evidence(hit, detector: "swearing"))
            }
            let selfTalk = view.hits(.selfDeprecation)
            for hit in view.hits(.insult) {
                if selfTalk.contains(where: { $0.upperBound <= hit.lowerBound && hit.lowerBound - $0.upperBound <= 2 }) { continue }
                let phrase = view.phrase(hit)
                if Self.aimedOnly.contains(phrase) {
                    let aimed = view.hits(.personReference).contains { TextView.near($0, hit, within: 3) && view.sameSentence($0, hit) }
                        || !post.pupilNames(in: view).isEmpty || !post.adultNames(in: view).isEmpty
                    guard aimed else { continue }
                }
                abusive.append(view.evidence(hit, detector: "insult"))
            }
            var hate: [Evidence] = []
            for cue in [Cue.slurRace, .slurReligion, .slurSexuality, .slurGender, .slurDisability] {
                for hit in view.hits(cue) {
                    hate.append(view.evidence(hit, detector: "slur-\(cue)"))
                }
            }
            if hate.contains(where: { $0.detector != "slur-slurGender" }) {
                abusive.append(contentsOf: hate.filter { $0.detector != "slur-slurGender" })
            }
            // A group named and attacked: dehumanised, told to leave, or called something hostile.
            for group in view.hits(.identityGroup) {
                let attacks = (view.hitsInSentence(.dehumanising, with: group) + view.hitsInSentence(.exclusion, with: group)
                    + view.hitsInSentence(.hostileAdjective, with: group)).filter { !$0.overlaps(group) }
                guard !attacks.isEmpty else { continue }
                let generalised = view.inSentence(.generalisation, with: group) || view.hits(.exclusion).contains { view.sameSentence($0, group) }
                    || view.hits(.dehumanising).contains { view.sameSentence($0, group) }
                guard generalised else { continue }
                hate.append(view.evidence(group, detector: "identity-attack"))
                hate.append(contentsOf: attacks.map { view.evidence($0, detector: "identity-attack") })
            }
            if !hate.isEmpty { found.add(.hateSpeech, hate) }
            if !abusive.isEmpty { found.add(.abusiveLanguage, abusive) }

            let sexual = view.hits(.sexual)
            let ambiguous = view.hits(.sexualAmbiguous, notWithin: [.sexual])
            if !sexual.isEmpty || Set(ambiguous.map { view.phrase($0) }).count >= 2 {
                found.add(.grosslyObscene, (sexual + ambiguous).map { view.evidence($0, detector: "sexual") })
            }
        }
    }
}
