import ParapetModels

/// Images of children: other people's children at school events, pupils without photo consent,
/// and pupils in swimwear or kit.
struct PhotoDetector: Detector {
    func detect(in post: PostContext, into found: inout Detections) {
        let images = post.images
        guard !images.isEmpty, !post.authorIsSchool else { return }
        let texts = post.allTexts
        func any(_ cue: Cue) -> Bool { texts.contains { $0.has(cue) } }
        func evidence(_ cue: Cue) -> [Evidence] {
            texts.flatMap { view in view.hits(cue).map { view.evidence($0, detector: "image-\(cue)") } }
        }
        let imageEvidence = Evidence(span: nil, attachment: images[0], matched: "image attached", detector: "image")
        let tagged = post.taggedPeople.filter { tagged in tagged.people.contains { post.trust.people[Int($0)].kind == .pupil } }
        let named = texts.flatMap { post.pupilNames(in: $0).map { ($0, $0.people) } }
        let pupilsShown = tagged.flatMap(\.people) + named.flatMap(\.1)
        let withoutConsent = pupilsShown.contains { !post.trust.people[Int($0)].photoConsent }

        let group = any(.groupOfChildren) || tagged.count + named.count > 1
        let children = group || !pupilsShown.isEmpty || any(.childWord) || any(.soloChild) || any(.thirdPartyChild)
        let ownOnly = any(.soloChild) && !group && !any(.thirdPartyChild) && pupilsShown.count <= 1
        let thingsOnly = any(.nonPersonImage) && !children
        let staffAuthor = post.author == .staff || post.author == .governor

        if !staffAuthor {
            if withoutConsent {
                found.add(.photoWithoutConsent, [imageEvidence] + evidence(.groupOfChildren), minimumSeverity: .high)
            } else if !thingsOnly && !ownOnly && (group || !tagged.isEmpty || (any(.event) && children && !ownOnly)) {
                found.add(.photoWithoutConsent, [imageEvidence] + evidence(.groupOfChildren) + evidence(.event))
            }
        }
        if any(.swimwear) && children && !(any(.kitOrder) && !group && pupilsShown.isEmpty) {
            found.add(.pupilImagesSwimwearOrKit, [imageEvidence] + evidence(.swimwear), minimumSeverity: withoutConsent ? .critical : nil)
        }
    }
}
