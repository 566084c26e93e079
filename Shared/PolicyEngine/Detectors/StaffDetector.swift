import ParapetModels

/// What staff (and governors, where a pack says) may not do: contact pupils privately, name
/// their workplace, post pupils' images outside the school's accounts, reply to comments about
/// the school.
struct StaffDetector: Detector {
    func detect(in post: PostContext, into found: inout Detections) {
        guard post.author == .staff || post.author == .governor, !post.authorIsSchool else { return }
        let view = post.text
        let pupils = !post.pupilNames(in: view).isEmpty || view.has(.pupilGroup) || view.has(.childWord)
        let invites = view.hits(.contactInvite)
        if !invites.isEmpty && (pupils || post.author == .staff && !view.has(.officialChannel) && view.has(.personReference)) {
            found.add(.staffContactWithPupils, invites.map { view.evidence($0, detector: "contact-invite") })
        }
        if post.school.settings.staffMayNameWorkplace == false {
            let own = view.schools.filter { $0.school == post.school.index }.map(\.tokens)
            let workplace = view.hits(.workplace) + own
            if !workplace.isEmpty {
                found.add(.staffReferringToWorkplace, workplace.map { view.evidence($0, detector: "workplace") })
            }
        }
        if !post.images.isEmpty && post.account.runBy != .school {
            let texts = post.allTexts
            let children = texts.contains { !post.pupilNames(in: $0).isEmpty || $0.has(.groupOfChildren) || $0.has(.childWord) || $0.has(.pupilGroup) }
                || !post.taggedPeople.isEmpty
            let things = texts.contains { $0.has(.nonPersonImage) } && !texts.contains { $0.has(.groupOfChildren) || !post.pupilNames(in: $0).isEmpty }
            if children && !things {
                found.add(.staffPostingPupilImages, [Evidence(span: nil, attachment: post.images[0], matched: "image attached", detector: "image")])
            }
        }
        if post.post.replyTo != nil && post.account.runBy != .school {
            let about = view.has(.schoolWord) || !view.schools.isEmpty || view.has(.staffRole) || view.has(.workplace) || view.has(.pupilGroup)
            if about {
                let hits = view.hits(.schoolWord) + view.schools.map(\.tokens) + view.hits(.workplace)
                found.add(.staffReplyingAboutSchool, hits.isEmpty
                    ? [Evidence(span: nil, matched: "reply by staff", detector: "staff-reply")]
                    : hits.map { view.evidence($0, detector: "staff-reply") })
            }
        }
    }
}
