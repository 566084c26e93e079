import ParapetModels

/// Confidential facts about another child or family, and private school–family dealings made
/// public.
struct PrivacyDetector: Detector {
    /// Private channels that reveal only with a sign of what was said.
    static let weakChannel: Set<String> = [
        "she told me", "he told me", "they told me", "told me that", "told me in", "the head said", "the teacher said", "replied saying",
        "wrote back", "responded saying", "emailed me", "phoned me", "rang me", "privately", "confidential", "their email", "her email",
        "his email", "his report", "her report", "report says", "the investigation", "investigation found", "disciplinary", "in writing",
        "in black and white", "copy of the", "at the meeting", "in the meeting", "in that meeting", "at our meeting", "in our meeting",
    ]

    func detect(in post: PostContext, into found: inout Detections) {
        for view in post.allTexts {
            let thirdParty = view.hits(.thirdPartyChild) + post.pupilNames(in: view).map(\.tokens)
            var confidential: [Evidence] = []
            for hit in view.hits(.sensitive) {
                guard let subject = thirdParty.first(where: { view.sameSentence($0, hit) || TextView.near($0, hit, within: 12) }) else {
                    continue
                }
                if view.inSentence(.ownChild, with: hit) && !thirdParty.contains(where: { view.sameSentence($0, hit) }) { continue }
                confidential += [view.evidence(subject, detector: "about"), view.evidence(hit, detector: "sensitive")]
            }
            let personal = PersonalData.find(in: view)
            if !personal.isEmpty && (view.has(.personReference) || !thirdParty.isEmpty || !view.names.isEmpty) && !view.has(.officialChannel) {
                confidential += personal
            }
            if !confidential.isEmpty { found.add(.confidentialInformation, confidential) }

            let (strong, weak) = view.hits(.privateChannel, splitting: Self.weakChannel)
            let revealing = !view.hits(.revealing).isEmpty || view.quotes
            let schedulingOnly = view.has(.schedulingOnly) && !revealing
            guard !schedulingOnly else { continue }
            let channel = strong.isEmpty ? (weak.count >= 2 || (!weak.isEmpty && view.has(.schoolWord)) ? weak : []) : strong + weak
            if !channel.isEmpty && revealing {
                found.add(.privateMatters, channel.map { view.evidence($0, detector: "private-channel") })
            }
        }
    }
}
