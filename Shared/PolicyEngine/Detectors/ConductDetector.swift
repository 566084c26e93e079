import ParapetModels

/// Cyberbullying (a child targeted) and harassment (an adult intimidated or hounded).
struct ConductDetector: Detector {
    /// Bullying phrases cruel enough alone.
    static let strongBullying: Set<String> = [
        "nobody likes you", "no one likes you", "noone likes you", "everyone hates you", "everybody hates you", "kys", "kill yourself",
        "kill urself", "neck yourself", "go die", "go away and die", "why are you even alive", "nobody wants you", "no one wants you",
        "you don t belong", "billy no mates", "no friends", "no mates",
    ]
    /// Intimidation that needs a second sign.
    static let weakIntimidation: Set<String> = [
        "every day", "every morning", "every night", "again and again", "over and over", "her car", "his car", "her house", "his house",
        "her kids", "his kids", "her family", "his family", "her husband", "his wife", "her facebook", "his facebook", "her instagram",
        "his instagram", "her profile", "his profile", "her page", "his page", "on her", "on him", "at the gates", "school gates",
        "ring her", "ring him", "call her", "call him", "message her", "message him", "inbox her", "inbox him", "her mobile", "his mobile",
    ]

    func detect(in post: PostContext, into found: inout Detections) {
        for view in post.allTexts {
            let pupils = post.pupilNames(in: view)
            let reported = view.hits(.reportedSpeech)
            var bullying: [Evidence] = []
            for hit in view.hits(.bullying) {
                if reported.contains(where: { view.sameSentence($0, hit) }) { continue }
                let phrase = view.phrase(hit)
                let childTarget = pupils.contains { view.sameSentence($0.tokens, hit) } || view.inSentence(.thirdPartyChild, with: hit)
                    || post.author == .pupil
                    || (view.inSentence(.childWord, with: hit) && !view.inSentence(.ownChild, with: hit))
                if Self.strongBullying.contains(phrase) {
                    if post.adultNames(in: view).isEmpty && !view.has(.staffRole) { bullying.append(view.evidence(hit, detector: "bullying")) }
                } else if childTarget && view.hits(.personReference).contains(where: { view.sameSentence($0, hit) }) {
                    bullying.append(view.evidence(hit, detector: "bullying"))
                }
            }
            if !bullying.isEmpty {
                let piled = view.hits(.pileOn).map { view.evidence($0, detector: "pile-on") }
                found.add(.cyberbullying, bullying + piled)
            }

            var harassment: [Evidence] = []
            let (strong, weak) = view.hits(.intimidation, splitting: Self.weakIntimidation)
            harassment += strong.map { view.evidence($0, detector: "intimidation") }
            let mobilising = view.hits(.mobilise)
            let personalData = PersonalData.find(in: view)
            if !weak.isEmpty && (!strong.isEmpty || !mobilising.isEmpty || !personalData.isEmpty || weak.count >= 2) {
                harassment += weak.map { view.evidence($0, detector: "intimidation") }
            }
            if !mobilising.isEmpty && (!personalData.isEmpty || !post.adultNames(in: view).isEmpty || view.has(.staffRole)) && !strong.isEmpty {
                harassment += mobilising.map { view.evidence($0, detector: "mobilising") }
            }
            if !personalData.isEmpty && !mobilising.isEmpty {
                harassment += personalData + mobilising.map { view.evidence($0, detector: "mobilising") }
            }
            if !harassment.isEmpty { found.add(.harassment, harassment) }
        }
    }
}
