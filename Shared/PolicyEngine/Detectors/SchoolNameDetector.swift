import ParapetModels

/// The school's name or logo used without permission, and pages or groups set up in its name.
struct SchoolNameDetector: Detector {
    func detect(in post: PostContext, into found: inout Detections) {
        guard !post.authorIsSchool else { return }
        unauthorisedUse(in: post, into: &found)
        unofficialSite(in: post, into: &found)
    }

    // MARK: Name and logo

    /// Phrases of `officialClaim` that are the logo or the name itself.
    static let logoPhrases: Set<String> = WordBook.set("schoolNameLogoPhrases")
    /// Phrases of `officialClaim` that claim the school's backing.
    static let claimPhrases: Set<String> = WordBook.set("schoolNameClaimPhrases")
    /// Phrases of `commerce` that show the author selling or collecting money.
    static let sellingPhrases: Set<String> = WordBook.set("schoolNameSellingPhrases")
    /// Things made to sell, which carry a logo or a name.
    static let merchandise: Set<String> = WordBook.set("schoolNameMerchandise")
    /// Words before a school's name that make it a place on the map, not a use of the name.
    static let locating: Set<String> = WordBook.set("schoolNameLocating")
    /// `authorised` phrases that do not by themselves mean the school agreed to a page.
    static let looseAuthorisation: Set<String> = WordBook.set("schoolNameLooseAuthorisation")

    func unauthorisedUse(in post: PostContext, into found: inout Detections) {
        // Nothing to check without the school's name or a logo somewhere.
        guard post.allTexts.contains(where: { view in view.schools.contains { $0.school == post.school.index } || view.has(.officialClaim) }) else {
            return
        }
        var evidence: [Evidence] = []
        var reference = false
        var use = false
        var selling = false
        var authorised = false
        for view in post.allTexts {
            let mentions = post.ownSchoolMentions(in: view)
            let strong = mentions.strong.filter { range in
                range.lowerBound == 0 || !Self.locating.contains(view.tokenized.word(range.lowerBound - 1))
            }
            let claims = view.hits(.officialClaim)
            let logos = claims.filter { Self.logoPhrases.contains(view.phrase($0)) }
            if !strong.isEmpty || !logos.isEmpty { reference = true }
            for hit in view.hits(.commerce) where !PostContext.isQuestion(hit.lowerBound, in: view) && !PostContext.negated(hit, in: view) {
                let phrase = view.phrase(hit)
                if Self.sellingPhrases.contains(phrase) {
                    selling = true
                    evidence.append(view.evidence(hit, detector: "school-name-use"))
                } else if Self.merchandise.contains(phrase) {
                    // A logo, or the name right by the thing made: "school logo tees", "had
                    // d'Auvergne School stickers printed".
                    let branded =
                        logos.contains { view.sameSentence($0, hit) && TextView.near($0, hit, within: .logoOnMerchandise) }
                        || strong.contains { view.sameSentence($0, hit) && TextView.near($0, hit, within: .nameBeside) }
                    if branded {
                        use = true
                        evidence.append(view.evidence(hit, detector: "school-name-use"))
                    }
                }
            }
            if Self.hasPrice(in: view) { selling = true }
            let named = strong + mentions.weak
            for claim in claims where Self.claimPhrases.contains(view.phrase(claim)) {
                guard !PostContext.isQuestion(claim.lowerBound, in: view), !PostContext.negated(claim, in: view) else { continue }
                if named.contains(where: { view.sameSentence($0, claim) && TextView.near($0, claim, within: .nameBeside) }) {
                    use = true
                    evidence.append(view.evidence(claim, detector: "school-name-claim"))
                }
            }
            let official = claims.filter { view.phrase($0).hasPrefix("official") }
            for hit in view.hits(.authorised) where !PostContext.negated(hit, in: view) {
                // "OFFICIAL d'Auvergne School Uniform Shop" claims what it is not.
                if official.contains(where: { $0.upperBound <= hit.lowerBound && hit.lowerBound - $0.upperBound <= 4 }) { continue }
                authorised = true
            }
            evidence += (strong + logos).map { view.evidence($0, detector: "school-name-use") }
        }
        if reference && selling { use = true }
        if use && !authorised {
            found.add(.unauthorisedUseOfSchoolName, evidence)
        }
    }

    /// Whether a number in `view` is written as a price ("£18", "£2.50").
    static func hasPrice(in view: TextView) -> Bool {
        let tokens = view.tokenized.tokens
        var utf16: String.UTF16View?
        for index in tokens.indices where tokens[index].flags.contains(.number) {
            let start = Int(tokens[index].utf16.lowerBound)
            guard start > 0 else { continue }
            if utf16 == nil { utf16 = view.text.utf16 }
            guard let text = utf16, let position = text.index(text.startIndex, offsetBy: start - 1, limitedBy: text.endIndex) else { continue }
            if text[position] == 0xA3 {
                if index > 0 {
                    let before = view.tokenized.word(index - 1)
                    if Self.notSelling.contains(before) { continue }
                }
                return true
            }
        }
        return false
    }

    /// Words before a price that make it a cost or a sum, not something on sale: "the trip
    /// costs £30", "raised £200", "fined £60".
    static let notSelling: Set<String> = WordBook.set("schoolNameNotSelling")

    // MARK: Pages and groups

    /// Phrases of `siteSetup` that name a place online; the rest set one up or announce it.
    static let platforms: Set<String> = WordBook.set("schoolNamePlatforms")
    /// Announcements that come after the place: "... page is now live", "... group launched".
    static let afterwards: Set<String> = WordBook.set("schoolNameAfterwards")
    /// Invitations, which may be asked as questions: "anyone want in on the new Instagram page?"
    static let invitations: Set<String> = WordBook.set("schoolNameInvitations")
    /// Words that must sit right before the place: "new page", "brand new group".
    static let adjacent: Set<String> = WordBook.set("schoolNameAdjacent")
    /// Year groups and classes that tie a page to the school without its name.
    static let bareGroups: Set<String> = WordBook.set("schoolNameBareGroups")

    /// What a school's own handle adds to its name.
    static let ownAccountSuffixes: Set<String> = WordBook.set("schoolNameOwnAccountSuffixes")

    /// Handles and web addresses with the school's name run into them ("@StokesWoodMums",
    /// "levenscehomework.wordpress.com", "stokeswoodleavers2027.co.uk"): a site named for the school.
    static func embeddedNames(in view: TextView, school: CompiledSchool) -> [Range<Int>] {
        var shortest = Int.max
        for name in school.compactNames { shortest = min(shortest, name.count) }
        guard shortest < Int.max else { return [] }
        let tokens = view.tokenized.tokens
        var found: [Range<Int>] = []
        for index in 0..<view.tokenCount {
            // Only a handle or the first part of a web address ("stokeswoodparents.co.uk": one
            // dot, then "co") can be a page's name; checking that first keeps the name search off
            // nearly every word.
            let word = view.tokenized.plain(index)
            guard word.count > shortest else { continue }
            let handle = tokens[index].flags.contains(.tagged)
            let address =
                !handle && index + 1 < view.tokenCount && tokens[index + 1].utf16.lowerBound == tokens[index].utf16.upperBound + 1
                && view.phrase((index + 1)..<(index + 2), isIn: Self.addressParts)
            guard handle || address,
                let (name, at) = school.compactNames.lazy.compactMap({ name in
                    word.count > name.count ? word.firstOffset(of: name).map { (name, $0) } : nil
                }).first
            else { continue }
            // "@StokesWoodPS", "@LevensCESchool": the school's own name and nothing else is how
            // schools name their own accounts, not a page set up by someone else.
            let start = word.startIndex + at
            let rest = String(decoding: word[..<start] + word[(start + name.count)...], as: UTF8.self)
            if rest.isEmpty || Self.ownAccountSuffixes.contains(rest) { continue }
            found.append(index..<(index + 1))
        }
        return found
    }

    /// What follows a site's name in a web address read as words ("stokeswoodparents.co.uk").
    private static let addressParts: PhraseSet = PhraseSet(WordBook.current.list("schoolNameAddressParts"))

    func unofficialSite(in post: PostContext, into found: inout Detections) {
        let view = post.text
        let embedded = Self.embeddedNames(in: view, school: post.school)
        if !embedded.isEmpty, let evidence = embeddedSite(embedded, in: view, post: post) {
            found.add(.unofficialSchoolSite, evidence)
            return
        }
        guard view.schools.contains(where: { $0.school == post.school.index }) || view.has(.pupilGroup) else { return }
        let hits = view.hits(.siteSetup)
        guard hits.count >= 2 else { return }
        var places: [Range<Int>] = []
        var setups: [(Range<Int>, String)] = []
        for hit in hits {
            let phrase = view.phrase(hit)
            if Self.platforms.contains(phrase) { places.append(hit) } else { setups.append((hit, phrase)) }
        }
        var announced: [Range<Int>] = []
        for place in places {
            if place.lowerBound >= 2, view.tokenized.word(place.lowerBound - 2) == "my", view.tokenized.word(place.lowerBound - 1) == "own" {
                continue
            }
            if PostContext.isQuestion(place.lowerBound, in: view),
                !setups.contains(where: { Self.invitations.contains($0.1) && view.sameSentence($0.0, place) })
            {
                continue
            }
            if view.hitsInSentence(.schoolOwnWebsite, with: place).contains(where: { TextView.near($0, place, within: .ownWebsite) }) { continue }
            let set = setups.contains { setup, phrase in
                guard view.sameSentence(setup, place) || TextView.near(setup, place, within: .setupAcrossSentences),
                    !PostContext.negated(setup, in: view)
                else {
                    return false
                }
                if Self.adjacent.contains(phrase) { return setup.upperBound <= place.lowerBound && place.lowerBound - setup.upperBound <= 2 }
                if Self.afterwards.contains(phrase) { return setup.lowerBound >= place.upperBound && setup.lowerBound - place.upperBound <= 4 }
                return TextView.near(setup, place, within: .setupOfPlace)
            }
            if set { announced.append(place) }
        }
        guard !announced.isEmpty else { return }
        let mentions = post.ownSchoolMentions(in: view)
        let groups = view.hits(.pupilGroup).filter { !Self.bareGroups.contains(view.phrase($0)) }
        let schoolLink =
            !mentions.strong.isEmpty
            || (!groups.isEmpty && (!mentions.weak.isEmpty || announced.contains { place in groups.contains { view.sameSentence($0, place) } }))
        guard schoolLink else { return }
        let agreed = view.hits(.authorised).contains { !Self.looseAuthorisation.contains(view.phrase($0)) && !PostContext.negated($0, in: view) }
        guard !agreed else { return }
        found.add(.unofficialSchoolSite, (announced + mentions.strong + mentions.weak).map { view.evidence($0, detector: "site-setup") })
    }

    /// A handle or address named for the school, announced (set up, followed, linked) by
    /// someone other than the school and not its own website.
    private func embeddedSite(_ embedded: [Range<Int>], in view: TextView, post: PostContext) -> [Evidence]? {
        let setups = view.hits(.siteSetup).filter { !PostContext.negated($0, in: view) }
        let follow = (0..<view.tokenCount).contains { ["follow", "like", "visit", "subscribe"].contains(view.tokenized.word($0)) }
        guard !setups.isEmpty || follow else { return nil }
        if view.has(.schoolOwnWebsite) { return nil }
        let agreed = view.hits(.authorised).contains { !Self.looseAuthorisation.contains(view.phrase($0)) && !PostContext.negated($0, in: view) }
        guard !agreed else { return nil }
        return (embedded + setups).map { view.evidence($0, detector: "site-setup") }
    }
}
