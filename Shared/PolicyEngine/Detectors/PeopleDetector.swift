import ParapetModels

/// Pupils named: full names, first and known-as names where the context is about a child, and
/// any pupil name in comments on the school's own page where the pack forbids first names there.
struct PeopleDetector: Detector {
    func detect(in post: PostContext, into found: inout Detections) {
        guard !post.authorIsSchool else { return }
        let ownPageRule = post.account.runBy == .school && post.school.settings.pupilFirstNamesOnOwnPage == .forbidden
        for view in post.allTexts {
            let hits = post.pupilNames(in: view)
            guard !hits.isEmpty else { continue }
            let aboutChildren = [Cue.childWord, .thirdPartyChild, .ownChild, .pupilGroup].contains { view.has($0) } || post.text.has(.childWord)
            for hit in hits {
                let evidence = view.evidence(hit.tokens, detector: "roster-name")
                switch hit.form {
                case .full:
                    found.add(.pupilFullName, [evidence])
                    found.add(.namingPupils, [evidence])
                case .first, .knownAs, .titled:
                    if aboutChildren || view.attachment != nil { found.add(.namingPupils, [evidence]) }
                }
                if ownPageRule { found.add(.pupilFirstNameOnOwnPage, [evidence]) }
            }
        }
        for tagged in post.taggedPeople where tagged.people.contains(where: { post.trust.people[Int($0)].kind == .pupil }) {
            let evidence = Evidence(span: nil, attachment: tagged.attachment, matched: "tagged pupil", detector: "roster-tag")
            found.add(.namingPupils, [evidence])
            if tagged.name.split(separator: " ").count > 1 { found.add(.pupilFullName, [evidence]) }
        }
    }
}
