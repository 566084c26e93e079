import ParapetModels

/// The school's name or logo used without permission, and pages or groups set up in its name.
struct SchoolNameDetector: Detector {
    func detect(in post: PostContext, into found: inout Detections) {
        guard !post.authorIsSchool else { return }
        let view = post.text
        let named = view.schools.filter { $0.school == post.school.index }.map(\.tokens)
        let logo = view.hits(.officialClaim).filter { ["school logo", "school s logo", "the logo", "logo", "crest", "school badge", "school crest"].contains(view.phrase($0)) }
        let uses = view.hits(.commerce) + view.hits(.officialClaim)
        if (!named.isEmpty || !logo.isEmpty) && !uses.isEmpty && !view.has(.authorised) {
            found.add(.unauthorisedUseOfSchoolName, (named + uses).map { view.evidence($0, detector: "school-name-use") })
        }
        let setups = view.hits(.siteSetup)
        let aboutSchool = !named.isEmpty || view.has(.schoolWord) || view.has(.pupilGroup) || view.has(.childWord)
        if !setups.isEmpty && aboutSchool && !(view.has(.schoolOwnWebsite) && setups.count == 1) {
            found.add(.unofficialSchoolSite, (setups + named).map { view.evidence($0, detector: "site-setup") })
        }
    }
}
