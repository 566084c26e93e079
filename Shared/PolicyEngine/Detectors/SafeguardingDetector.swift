import ParapetModels

/// Safeguarding: signs of radicalisation (PREVENT) and children at risk (self-harm, abuse,
/// neglect, grooming), routed as safeguarding rather than as bad manners.
struct SafeguardingDetector: Detector {
    /// Risk words that need a child or a first-person voice beside them.
    static let weakRisk: Set<String> = [
        "starving", "secret", "smells", "run away", "ran away", "running away", "home alone", "left alone", "bruises", "bruise", "abuse",
        "abused", "neglect", "neglected", "kicked out", "thrown out", "always hungry", "same clothes", "dirty clothes", "not collected",
        "terrified of", "frightened of", "don t tell", "won t tell", "snapchat", "new phone", "new trainers", "lots of money",
        "staying out", "private chat", "picked me up", "meet him", "in his car", "he loves me", "special friend", "pills", "razor",
        "blade", "blades", "od", "overdose", "end it", "ending it", "hate myself", "i hate myself", "hate my life", "i hate my life",
        "can t cope", "cant cope", "not eating", "stopped eating", "scared of him", "hurt me", "hit me", "beat me", "hungry all the time",
        "no dinner", "no heating", "no electric", "left on my own", "takes drugs", "on drugs", "drunk again", "always drunk",
        "drinks all the time", "secret boyfriend", "older boy", "older guy", "older lad", "someone online", "met online", "bought me a",
    ]
    /// Laughter and jokes that turn "I want to die" into hyperbole.
    static let laughter: Set<String> = [
        "lol", "lmao", "lmfao", "rofl", "haha", "hahaha", "hahahaha", "jk", "just kidding", "only joking", "joking", "kidding",
        "dying of laughter", "died laughing", "dying laughing", "i m dead", "im dead", "i m deceased", "literally dying", "literally died",
        "could die of", "die of embarrassment", "died of embarrassment", "dying of embarrassment", "mortified", "so funny", "funny",
        "hilarious", "cringe", "cringing", "killing me", "kill me now", "end me", "ended me", "the death of me",
    ]

    func detect(in post: PostContext, into found: inout Detections) {
        for view in post.allTexts {
            var extremism = view.hits(.extremismStrong).map { view.evidence($0, detector: "extremism") }
            let learning = view.has(.learningContext)
            for term in view.hits(.extremismTerm) {
                let praise = view.hitsInSentence(.extremismPraise, with: term).filter { !$0.overlaps(term) }
                guard !praise.isEmpty, !learning else { continue }
                extremism += [view.evidence(term, detector: "extremism")] + praise.map { view.evidence($0, detector: "extremism-praise") }
            }
            if !extremism.isEmpty { found.add(.safeguardingExtremism, extremism) }

            let jokes = view.hits(.hyperbole).filter { Self.laughter.contains(view.phrase($0)) } + view.hits(.violenceIdiom)
            let emoji = post.post.text.unicodeScalars.contains { [0x1F602, 0x1F923, 0x1F480, 0x1F606, 0x1F605].contains($0.value) }
            var concern: [Evidence] = []
            for cue in [Cue.selfHarm, .abuseAtHome, .grooming] {
                for hit in view.hits(cue) {
                    if jokes.contains(where: { view.sameSentence($0, hit) || TextView.near($0, hit, within: 6) }) || (emoji && view.tokenCount < 30) {
                        continue
                    }
                    if Self.weakRisk.contains(view.phrase(hit)) {
                        let voiced = view.has(.thirdPartyConcern) || view.has(.childWord) || view.has(.thirdPartyChild)
                            || post.author == .pupil || view.hits(cue).count + view.hits(.selfHarm).count + view.hits(.abuseAtHome).count + view.hits(.grooming).count >= 2
                        guard voiced else { continue }
                    }
                    concern.append(view.evidence(hit, detector: "safeguarding-\(cue)"))
                }
            }
            if !concern.isEmpty { found.add(.safeguardingConcern, concern) }
        }
    }
}
