import ParapetModels

/// What staff (and governors, where a pack says) may not do: contact pupils privately, name
/// their workplace, post pupils' images outside the school's accounts, reply to comments about
/// the school.
struct StaffDetector: Detector {
    func detect(in post: PostContext, into found: inout Detections) {
        guard post.author == .staff || post.author == .governor, !post.authorIsSchool else { return }
        let view = post.text
        contact(in: post, into: &found)
        var imagesOfPupils = false
        if !post.images.isEmpty && post.runBy != .school {
            let scene = PhotoDetector.scene(of: post)
            let relative = view.has(.ownChild) || view.has(.adultRelative)
            if scene.children && (scene.group || !scene.pupils.isEmpty || !relative) {
                imagesOfPupils = true
                found.add(.staffPostingPupilImages, [Evidence(span: nil, attachment: post.images[0], matched: "image attached", detector: "image")])
            }
        }
        let (strong, weak) = Self.aboutSchool(in: post)
        if post.school.settings.staffMayNameWorkplace == false && post.author == .staff {
            if !strong.isEmpty || imagesOfPupils || (post.isReply && !weak.isEmpty && post.runBy != .school) {
                let ranges = strong.isEmpty ? weak : strong
                found.add(
                    .staffReferringToWorkplace,
                    ranges.isEmpty
                        ? [Evidence(span: nil, attachment: post.images.first, matched: "image of pupils", detector: "workplace")]
                        : ranges.map { view.evidence($0, detector: "workplace") })
            }
        }
        if post.isReply && post.runBy != .school && (!strong.isEmpty || !weak.isEmpty) {
            found.add(.staffReplyingAboutSchool, (strong + weak).map { view.evidence($0, detector: "staff-reply") })
        }
    }

    // MARK: Contact with pupils

    /// `contactInvite` phrases that say the invitation is for adults.
    static let adultsOnly: Set<String> = WordBook.set("staffAdultsOnly")
    /// `childWord` phrases that do not point at a pupil ("mate", "friend" in "friend request").
    static let looseChildWords: Set<String> = WordBook.set("staffLooseChildWords")

    func contact(in post: PostContext, into found: inout Detections) {
        let view = post.text
        let all = view.hits(.contactInvite)
        guard !all.isEmpty else { return }
        var invites: [Range<Int>] = []
        for hit in all {
            let phrase = view.phrase(hit)
            if Self.adultsOnly.contains(phrase) { return }
            if Self.negated(hit, in: view) { continue }
            // "Followed @JerseyZoo": following an account, not a person.
            if phrase.hasPrefix("follow"), hit.upperBound < view.tokenCount, view.tokenized.tokens[hit.upperBound].flags.contains(.tagged),
                !phrase.hasSuffix("me")
            {
                continue
            }
            // "Message me on Dojo", "email me through the office".
            if view.hits(.officialChannel).contains(where: { $0.lowerBound >= hit.upperBound && $0.lowerBound - hit.upperBound <= 3 }) { continue }
            invites.append(hit)
        }
        guard !invites.isEmpty else { return }
        let invitePhrases = all
        let children = view.hits(.childWord).filter { hit in
            !Self.looseChildWords.contains(PhotoDetector.stem(view.phrase(hit))) && !Self.looseChildWords.contains(view.phrase(hit))
                && !invitePhrases.contains { $0.lowerBound <= hit.lowerBound && $0.upperBound >= hit.upperBound }
        }
        let pupils = !post.pupilNames(in: view).isEmpty || view.has(.pupilGroup) || !children.isEmpty || view.has(.thirdPartyChild)
        if pupils {
            found.add(.staffContactWithPupils, invites.map { view.evidence($0, detector: "contact-invite") })
        }
    }

    /// Verbs that carry a "don't" further along the sentence: "please don't let your kids send
    /// us friend or follow requests", "don't accept, add or message".
    static let carriedVerbs: [String] = WordBook.current.list("staffCarriedVerbs")

    /// A negation just before the invitation, or a "don't let" / "not to send" a little further
    /// back ("if your kid hasn't been added, get them to whatsapp me" is not negated).
    static func negated(_ hit: Range<Int>, in view: TextView) -> Bool {
        if PostContext.negated(hit, in: view, window: 4) { return true }
        let text = view.tokenized
        var index = hit.lowerBound - 1
        while index >= max(0, hit.lowerBound - 9), view.sentence[index] == view.sentence[hit.lowerBound] {
            if carriedVerbs.contains(where: { text.leet(index).elementsEqual($0.utf8) }),
                PostContext.negated(index..<(index + 1), in: view, window: 3)
            {
                return true
            }
            index -= 1
        }
        return false
    }

    // MARK: Talking about the school

    /// `schoolWord` phrases everyone uses about anything ("they", "class" in "spin class",
    /// "term" in "half term").
    static let ignoredSchoolWords: Set<String> = WordBook.set("staffIgnoredSchoolWords")
    static let looseSchoolWords: Set<String> = WordBook.set("staffLooseSchoolWords")
    /// `staffRole` phrases that are titles or other jobs.
    static let looseRoles: Set<String> = WordBook.set("staffLooseRoles")
    /// `pupilGroup` phrases too loose to mean a class at the school.
    static let looseGroups: Set<String> = WordBook.set("staffLooseGroups")

    /// What ties a staff author's post to their school: `strong` (their workplace, its name, a
    /// class, a school event) and `weak` (the kids, lunches, the bare place name).
    static func aboutSchool(in post: PostContext) -> (strong: [Range<Int>], weak: [Range<Int>]) {
        let view = post.text
        var strong: [Range<Int>] = []
        var weak: [Range<Int>] = []
        let own = view.hits(.ownChild)
        func someoneElses(_ hit: Range<Int>) -> Bool {
            // "my nephew's nativity", "my son's class": another family's school.
            if own.contains(where: { $0.upperBound <= hit.lowerBound && hit.lowerBound - $0.upperBound <= 2 }) { return true }
            if hit.lowerBound >= 2, view.tokenized.word(hit.lowerBound - 1) == "s",
                view.tokenized.tokens[hit.lowerBound - 2].flags.contains(.apostropheAfter),
                view.hits(.childWord).contains(where: { $0.upperBound == hit.lowerBound - 1 })
                    || own.contains(where: { $0.upperBound == hit.lowerBound - 1 })
            {
                return true
            }
            return false
        }
        for hit in view.hits(.workplace) where !someoneElses(hit) { strong.append(hit) }
        for hit in view.hits(.schoolWord) where !someoneElses(hit) && !ignoredSchoolWords.contains(view.phrase(hit)) {
            if looseSchoolWords.contains(view.phrase(hit)) { weak.append(hit) } else { strong.append(hit) }
        }
        for hit in view.hits(.staffRole)
        where !looseRoles.contains(view.phrase(hit)) && !looseRoles.contains(PhotoDetector.stem(view.phrase(hit))) && !someoneElses(hit) {
            strong.append(hit)
        }
        for hit in view.hits(.pupilGroup)
        where !own.contains(where: { $0.lowerBound <= hit.lowerBound && $0.upperBound >= hit.upperBound }) && !someoneElses(hit) {
            if looseGroups.contains(view.phrase(hit)) { weak.append(hit) } else { strong.append(hit) }
        }
        let mentions = post.ownSchoolMentions(in: view)
        strong += mentions.strong
        weak += mentions.weak
        return (strong, weak)
    }
}
