import ParapetModels

/// Images of children: other people's children at school events, pupils without photo consent,
/// and pupils in swimwear or kit.
///
/// What an image shows is read from its alt text when every image has one (the post's text
/// may talk about children while the picture is of a mural or a dog), else from the post's
/// text as well.
struct PhotoDetector: Detector {
    func detect(in post: PostContext, into found: inout Detections) {
        let images = post.images
        guard !images.isEmpty, !post.authorIsSchool else { return }
        let scene = Self.scene(of: post)
        let imageEvidence = Evidence(span: nil, attachment: images[0], matched: "image attached", detector: "image")
        let texts = post.allTexts
        func evidence(_ cue: Cue, in views: [TextView]) -> [Evidence] {
            views.flatMap { view in view.hits(cue).map { view.evidence($0, detector: "image-\(cue.name)") } }
        }
        let staffAuthor = post.author == .staff || post.author == .governor

        if !staffAuthor && scene.children {
            if scene.withoutConsent {
                found.add(.photoWithoutConsent, [imageEvidence] + evidence(.groupOfChildren, in: scene.views), minimumSeverity: .high)
            } else if scene.group {
                found.add(.photoWithoutConsent, [imageEvidence] + evidence(.groupOfChildren, in: scene.views) + evidence(.event, in: texts))
            }
        }
        if scene.children {
            let (strong, weak) = Self.swimwear(in: texts)
            let orderOnly = texts.contains { $0.has(.kitOrder) } && !scene.group && scene.pupils.isEmpty && strong.isEmpty
            if (!strong.isEmpty || weak.count >= 2) && !orderOnly {
                found.add(
                    .pupilImagesSwimwearOrKit, [imageEvidence] + (strong + weak).map(\.1), minimumSeverity: scene.withoutConsent ? .critical : nil)
            }
        }
    }

    /// Who an image shows.
    struct Scene {
        /// The texts that describe the image.
        var views: [TextView]
        /// Children are in the picture.
        var children = false
        /// More than one child, or a team, class or group.
        var group = false
        /// Roster pupils named or tagged (not counting "my Lexi", "our Immy").
        var pupils: [Int32] = []
        var withoutConsent = false
    }

    /// Phrases of the image cues that name a document, not people.
    static let documents: Set<String> = WordBook.set("photoDocuments")
    /// Phrases saying the picture has nobody in it.
    static let nobody: Set<String> = WordBook.set("photoNobody")
    /// Group phrases too loose to mean a group of children on their own.
    static let looseGroup: Set<String> = WordBook.set("photoLooseGroup")

    static func scene(of post: PostContext) -> Scene {
        let images = post.images
        let described = Set(post.altTexts.compactMap(\.attachment))
        let altViews = post.altTexts.filter { images.contains($0.attachment ?? -1) }
        let everyImageDescribed = images.allSatisfy { described.contains($0) }
        var scene = Scene(views: everyImageDescribed ? altViews : altViews + [post.text])

        var shown: [Int32] = []
        var own: [Int32] = []
        /// Separate mentions of pupils: one "Mia" is one child however many Mias there are.
        var mentions = Set<[Int32]>()
        for tagged in post.taggedPeople {
            let pupils = tagged.people.filter { post.trust.people[Int($0)].kind == .pupil }
            shown += pupils
            if !pupils.isEmpty { mentions.insert(pupils.sorted()) }
        }
        var childCue = !shown.isEmpty
        var groupCue = false
        for view in post.allTexts {
            for hit in post.pupilNames(in: view) where hit.form == .full || PeopleDetector.isPupilName(hit, in: view, post: post) {
                if isOwn(hit.tokens, in: view) { own += hit.people } else { shown += hit.people }
                mentions.insert(hit.people.sorted())
            }
        }
        for view in scene.views {
            let phrases = view.cueHits.filter { $0.cue == .nonPersonImage || $0.cue == .kitOrder }.map { view.phrase($0.tokens) }
            if phrases.contains(where: { nobody.contains($0) }) { continue }
            if phrases.contains(where: { documents.contains($0) }) { continue }
            let group = view.hits(.groupOfChildren).contains { !looseGroup.contains(view.phrase($0)) }
            if group || view.has(.childWord) || view.has(.pupilGroup) || view.has(.thirdPartyChild)
                || view.hits(.soloChild).contains(where: { $0.count > 1 }) || view.has(.ownChild)
            {
                childCue = true
            }
            if group { groupCue = true }
        }
        // A pupil named in the text is in the picture when the picture shows a child.
        let named = Set(shown)
        if !named.isEmpty && !childCue && !everyImageDescribed { childCue = true }
        scene.children = childCue || (!named.isEmpty && scene.views.contains { $0.has(.childWord) || $0.has(.groupOfChildren) })
        scene.pupils = Array(named)
        scene.group = scene.children && (groupCue || mentions.count > 1)
        // A name several pupils share is without consent only if none of them gave it.
        let notOwn = mentions.filter { people in !people.allSatisfy { own.contains($0) } }
        scene.withoutConsent = scene.children && notOwn.contains { people in people.allSatisfy { !post.trust.people[Int($0)].photoConsent } }
        return scene
    }

    /// "my Lexi", "our Immy", "Mia's mum here": a child the poster calls their own.
    static func isOwn(_ range: Range<Int>, in view: TextView) -> Bool {
        guard range.lowerBound > 0 else { return false }
        let before = view.tokenized.word(range.lowerBound - 1)
        return before == "my" || before == "our"
    }

    /// Swimwear phrases that only add up to swimwear: a swimming word ("swimmers", "gala", "in
    /// the pool") with another ("costumes", "goggles", "towels"). Every other swimwear phrase
    /// ("leotards", "PE kit", "changing rooms", "swimming costume") shows it outright.
    static let waterWords: Set<String> = WordBook.set("photoWaterWords")
    static let otherWeakSwimwear: Set<String> = WordBook.set("photoOtherWeakSwimwear")

    /// A phrase without a plural "s", so "costume" and "costumes" count once.
    static func stem(_ phrase: String) -> String {
        phrase.count > 3 && phrase.hasSuffix("s") && !phrase.hasSuffix("ss") ? String(phrase.dropLast()) : phrase
    }

    static func swimwear(in views: [TextView]) -> (strong: [(String, Evidence)], weak: [(String, Evidence)]) {
        var strong: [(String, Evidence)] = []
        var weak: [(String, Evidence)] = []
        var water = false
        for view in views {
            for hit in view.hits(.swimwear) {
                let phrase = stem(view.phrase(hit))
                let evidence = view.evidence(hit, detector: "image-swimwear")
                if waterWords.contains(phrase) || otherWeakSwimwear.contains(phrase) {
                    if waterWords.contains(phrase) { water = true }
                    if !weak.contains(where: { $0.0 == phrase }) { weak.append((phrase, evidence)) }
                } else {
                    strong.append((phrase, evidence))
                }
            }
        }
        return (strong, water ? weak : [])
    }
}
