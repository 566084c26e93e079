import ParapetModels

/// Confidential facts about another child or family, and private school–family dealings made
/// public.
struct PrivacyDetector: Detector {
    /// Private channels that reveal only with a sign of what was said.
    static let weakChannel: Set<String> = WordBook.set("privacyWeakChannel")

    /// Described people who are adults at the school rather than a child or family.
    static let adultDescriptions: Set<String> = WordBook.set("privacyAdultDescriptions")

    static let pronounTold: Set<String> = WordBook.set("privacyPronounTold")

    func detect(in post: PostContext, into found: inout Detections) {
        for view in post.allTexts {
            // Confidential facts need a sensitive word or contact details: most texts have neither.
            if view.has(.sensitive) || !view.personalData.isEmpty {
                let thirdParty =
                    view.hits(.thirdPartyChild) + post.pupilNames(in: view).map(\.tokens)
                    + view.hits(.personDescription).filter { !Self.adultDescriptions.contains(view.phrase($0)) }
                var confidential: [Evidence] = []
                for hit in view.hits(.sensitive) {
                    guard
                        let subject = thirdParty.first(where: {
                            !$0.overlaps(hit) && (view.sameSentence($0, hit) || TextView.near($0, hit, within: .privateMatterSubject))
                        }),
                        !view.inSentence(.reportedElsewhere, with: hit)
                    else {
                        continue
                    }
                    if view.inSentence(.ownChild, with: hit) && !thirdParty.contains(where: { view.sameSentence($0, hit) }) { continue }
                    confidential += [view.evidence(subject, detector: "about"), view.evidence(hit, detector: "sensitive")]
                }
                let personal = view.personalData
                // Contact details are confidential when they belong to a child or family named or described.
                if !personal.isEmpty && (!thirdParty.isEmpty || !post.pupilNames(in: view).isEmpty) && !view.has(.officialChannel) {
                    confidential += personal
                }
                if !confidential.isEmpty { found.add(.confidentialInformation, confidential) }
            }

            // Private dealings need a private channel: most texts have none, and then there is
            // nothing to weigh (nor any need to look for quotation marks).
            guard view.has(.privateChannel) else { continue }
            let (strong, allWeak) = view.hits(.privateChannel, splitting: Self.weakChannel)
            // "he told me" is the school speaking only when someone at the school is in that
            // sentence; a child telling their parent is not a school–family matter.
            let staff = post.adultNames(in: view).map(\.tokens) + view.hits(.staffRole) + view.hits(.personTitle)
            let weak = allWeak.filter { hit in
                !Self.pronounTold.contains(view.phrase(hit)) || staff.contains { view.sameSentence($0, hit) && !$0.overlaps(hit) }
            }
            let channel = strong.isEmpty ? (weak.count >= 2 || (!weak.isEmpty && view.has(.schoolWord)) ? weak : []) : strong + weak
            guard !channel.isEmpty else { continue }
            // A family's own dealings with the school about their child ("the office rang to say my
            // daughter's going into the nurture group") are revealed by telling them at all.
            // A letter, report or plan attached is published by attaching it.
            let attached = view.attachment != nil && !strong.isEmpty
            let revealing =
                // A screenshot reveals a letter only when there is one: a screenshot of a child's
                // picture is another matter.
                attached || view.hits(.revealing).contains { !view.phrase($0).hasPrefix("screenshot") || !strong.isEmpty } || view.quotes
                || (!strong.isEmpty && (view.has(.ownChild) || view.has(.thirdPartyChild)) && !view.has(.question) && !view.has(.praise))
            let schedulingOnly = view.has(.schedulingOnly) && !revealing
            guard !schedulingOnly else { continue }
            if revealing {
                found.add(.privateMatters, channel.map { view.evidence($0, detector: "private-channel") })
            }
        }
    }
}
