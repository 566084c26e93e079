import ParapetModels

/// Who each breach of a verdict is about, and whether it says a child was harmed or is at risk:
/// what routing needs (the person a post is about is never told of it) and what opens the
/// allegations-management step. Worked out only for a post with breaches, after the detectors.
///
/// A breach is about the roster people named in the sentences its evidence lies in; "the head"
/// and "the chair" there mean the school's headteacher and chair of governors; another single
/// member of staff pointed at by role ("his teacher") is an unnamed member of staff; a child
/// spoken of without a roster name ("my son") is an unnamed child. A member of staff's own
/// conduct is about the member of staff who posted.
enum BreachSubjects {
    /// `breaches` with `about` and `childAtRisk` filled in from `context`.
    static func fill(_ breaches: [ClauseBreach], in context: PostContext) -> [ClauseBreach] {
        breaches.map { breach in
            var breach = breach
            let found = find(for: breach, in: context)
            breach.about = found.about
            breach.childAtRisk = found.childAtRisk
            return breach
        }
    }

    static func find(for breach: ClauseBreach, in context: PostContext) -> (about: [BreachSubject], childAtRisk: Bool) {
        var about: [BreachSubject] = []
        // A first name can stand for many people of a large roster: a set keeps adding them linear.
        var added: Set<BreachSubject> = []
        func add(_ subject: BreachSubject) { if added.insert(subject).inserted { about.append(subject) } }
        func addPerson(_ index: Int32) { add(context.trust.people[Int(index)].subject) }
        if staffConduct.contains(breach.behaviour), let author = context.authorPerson, author.kind == .staff { add(author.subject) }
        var childMentioned = false
        var riskWords = false
        let harmBehaviour = harmBehaviours.contains(breach.behaviour)
        for evidence in breach.evidence {
            guard let span = evidence.span else {
                if let attachment = evidence.attachment {
                    for tagged in context.taggedPeople where tagged.attachment == attachment { tagged.people.forEach(addPerson) }
                }
                continue
            }
            guard let view = context.allTexts.first(where: { $0.attachment == evidence.attachment }),
                let tokens = view.tokens(covering: span)
            else { continue }
            // Sentence numbers rise with the tokens, so the evidence's sentences are one run.
            let sentences = view.sentence[tokens.lowerBound]...view.sentence[tokens.upperBound - 1]
            func inSentences(_ range: Range<Int>) -> Bool { sentences.contains(view.sentence[range.lowerBound]) }
            let named = view.names.filter { inSentences($0.tokens) }
            for hit in named { hit.people.forEach(addPerson) }
            if view.pupilNames.contains(where: { inSentences($0.tokens) }) { childMentioned = true }
            for hit in view.staffRoleHits where inSentences(hit) {
                guard !named.contains(where: { $0.tokens.overlaps(hit) }) else { continue }
                let words = view.phrase(hit)
                let school = Int(context.school.index)
                if headWords.contains(words) {
                    context.trust.heads[school].forEach(addPerson)
                    if context.trust.heads[school].isEmpty { add(BreachSubject(kind: .staff, role: StaffMember.Role.headteacher.rawValue)) }
                } else if chairWords.contains(words) {
                    context.trust.chairs[school].forEach(addPerson)
                } else if !view.phrase(hit, isIn: PostContext.groupRoles) {
                    add(BreachSubject(kind: .staff))
                }
            }
            if view.childHits.contains(where: inSentences) {
                childMentioned = true
                if !about.contains(where: \.isChild) { add(BreachSubject(kind: .child)) }
            }
            // Risk words only matter to the behaviours below that can put a child at risk.
            if !riskWords, harmBehaviour || breach.behaviour == .defamation,
                view.riskWordTokens.contains(where: { sentences.contains(view.sentence[$0]) })
            {
                riskWords = true
            }
        }
        // A named pupil makes the unnamed child redundant.
        if about.contains(where: { $0.kind == .pupil }) { about.removeAll { $0.kind == .child } }
        let childAtRisk = (harmBehaviour && childMentioned) || ((harmBehaviour || breach.behaviour == .defamation) && riskWords)
        return (about, childAtRisk)
    }

    static let staffConduct: Set<Behaviour> = [
        .staffContactWithPupils, .staffReferringToWorkplace, .staffPostingPupilImages, .staffReplyingAboutSchool,
    ]
    /// Behaviours that, with a child in the same sentence, say a child was harmed.
    static let harmBehaviours: Set<Behaviour> = [.allegation, .safeguardingConcern, .threatOfViolence]
    static let headWords: Set<String> = WordBook.set("breachSubjectsHeadWords")
    static let chairWords: Set<String> = WordBook.set("breachSubjectsChairWords")
    /// Words of the child cue that mean a child rather than a class or a friend.
    static let childWords = PhraseSet(WordBook.current.list("breachSubjectsChildWords"))
    /// Words that say someone poses a risk to children whatever else the sentence says.
    static let riskWordSet: PhraseSet = PhraseSet(WordBook.current.list("breachSubjectsRiskWordSet"))
}

extension BreachSubjects {
    /// The hits in `view` that mean a child: a parent's own child, someone else's, or a child
    /// word that means a child rather than a class or a friend (``childWords``).
    static func childHits(in view: TextView) -> [Range<Int>] {
        view.hits(.ownChild) + view.hits(.thirdPartyChild)
            + view.hits(.childWord).filter { view.phrase($0.lowerBound..<($0.lowerBound + 1), isIn: childWords) }
    }
}

extension TextView {
    /// The tokens `span` (UTF-16 offsets of this text) touches; nil when it touches none.
    func tokens(covering span: TextSpan) -> Range<Int>? {
        let tokens = tokenized.tokens
        guard let first = tokens.firstIndex(where: { Int($0.utf16.upperBound) > span.start }), Int(tokens[first].utf16.lowerBound) < span.end
        else { return nil }
        var last = first
        while last + 1 < tokens.count && Int(tokens[last + 1].utf16.lowerBound) < span.end { last += 1 }
        return first..<(last + 1)
    }
}
