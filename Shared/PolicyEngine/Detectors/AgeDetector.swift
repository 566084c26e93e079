import ParapetModels

/// Pupils on platforms below the pack's minimum age: by the roster's date of birth of the
/// author's handle, or by the author's own words.
struct AgeDetector: Detector {
    func detect(in post: PostContext, into found: inout Detections) {
        guard let minimum = post.school.settings.minimumAccountAge else { return }
        if let person = post.authorPerson, person.kind == .pupil, let age = person.age {
            let years = age.years(on: post.postedOn)
            if years < minimum {
                found.add(
                    .underageAccount,
                    [Evidence(span: nil, matched: "author is a pupil aged \(years); the minimum is \(minimum)", detector: "roster-age")])
                return
            }
        }
        let unknownAuthor = post.author == .unknown || post.author == .publicMember || post.author == .pupil
        if post.authorPerson == nil, let declared = post.declaredAge, declared.years < minimum, !declared.implicit || unknownAuthor {
            found.add(.underageAccount, [post.text.evidence(declared.tokens, detector: "declared-age")])
        }
    }
}
