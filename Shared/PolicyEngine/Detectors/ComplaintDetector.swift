import ParapetModels

/// Complaints that belong in the complaints procedure, and disparagement of the whole school.
struct ComplaintDetector: Detector {
    /// Complaint words that need a second sign of a grievance.
    static let weak: Set<String> = [
        "joke", "a joke", "failed", "failing", "fair", "wrong", "awful", "terrible", "poor", "useless", "rubbish", "mess", "upset",
        "angry", "cross", "gutted", "absolutely", "honestly", "seriously", "annoyed", "annoying", "frustrated", "frustrating", "anyone else",
        "is it just me", "am i the only", "why are the", "why do they", "why did they", "how is it", "how can they", "how is this",
        "they should", "surely", "should have", "shouldn t have", "should of", "cancelled", "changed again", "last minute",
        "worried about", "a concern", "concerned about", "punishment", "punishing", "sanction", "sanctions", "charging", "lack of",
        "left out", "missed out", "madness", "nonsense", "pointless", "chaos", "unbelievable", "can t believe", "cannot believe",
        "not fair", "unfair", "petty", "over the top", "i feel that", "with respect", "respectfully", "please could", "could the school",
        "would the school", "it would be nice if", "shocked", "excluded from", "no notice", "short notice",
    ]
    /// Disparagement that needs the school named or mentioned.
    static let needsSchool: Set<String> = [
        "shambles", "shambolic", "circus", "cesspit", "cess pit", "dump", "hell hole", "hellhole", "zoo", "madhouse", "sinking ship",
        "gone downhill", "going downhill", "gone to pot", "gone to the dogs", "worst in", "one star", "1 star", "zero stars", "0 stars",
        "biggest mistake", "only good thing", "anywhere but", "laughing stock", "utter disgrace", "complete joke", "absolute joke",
        "total joke", "beyond a joke", "not recommend", "wouldn t recommend", "would not recommend", "do not recommend", "don t recommend",
        "stay away from", "steer clear", "regret sending", "avoid at all costs", "avoid like the plague",
    ]

    func detect(in post: PostContext, into found: inout Detections) {
        guard !post.authorIsSchool else { return }
        let view = post.text
        let aboutSchool = view.has(.schoolWord) || !view.schools.isEmpty || !post.adultNames(in: view).isEmpty || view.has(.staffRole)
        let (strong, weak) = view.hits(.complaint, splitting: Self.weak)
        let resolved = view.hits(.complaintResolved)
        let external = view.has(.externalBody) && !(view.has(.schoolWord) || !view.schools.isEmpty)
        if aboutSchool && !external && (!strong.isEmpty || weak.count >= 2) && (resolved.isEmpty || strong.count >= 2) {
            found.add(.misplacedComplaint, (strong + weak).map { view.evidence($0, detector: "complaint") })
        }
        let (always, contextual) = view.hits(.disrepute, splitting: Self.needsSchool)
        let disrepute = always + (aboutSchool ? contextual : [])
        if !disrepute.isEmpty {
            found.add(.bringingSchoolIntoDisrepute, disrepute.map { view.evidence($0, detector: "disrepute") })
        }
    }
}
