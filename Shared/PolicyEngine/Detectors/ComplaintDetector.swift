import ParapetModels

/// Complaints that belong in the complaints procedure, and disparagement of the whole school.
struct ComplaintDetector: Detector {
    /// Complaint words that need a second sign of a grievance.
    static let weak: PhraseSet = PhraseSet(WordBook.current.list("complaintWeak"))
    /// Words that sharpen a grievance but are none alone ("honestly", "again"): they count only
    /// beside a real sign of one.
    static let fillers: PhraseSet = PhraseSet(WordBook.current.list("complaintFillers"))

    /// Disparagement that needs the school named or mentioned.
    static let needsSchool: Set<String> = WordBook.set("complaintNeedsSchool")

    static let conditional = Array("if".utf8)

    func detect(in post: PostContext, into found: inout Detections) {
        guard !post.authorIsSchool else { return }
        let view = post.text
        // A grievance or disparagement needs one of these cues: most posts have none.
        guard
            view.has(.complaint) || view.has(.negativeTrait) || view.has(.grievance) || view.has(.disrepute)
                || view.has(.schoolMatter) && (view.has(.swearing) || !view.hiddenSwearing.isEmpty)
        else { return }
        let reading = Reading(view, in: post)
        if let complaint = reading.complaint() {
            found.add(.misplacedComplaint, complaint.map { view.evidence($0, detector: "complaint") })
        }
        let disrepute = reading.disparagement()
        if !disrepute.isEmpty {
            found.add(.bringingSchoolIntoDisrepute, disrepute.map { view.evidence($0, detector: "disrepute") })
        }
    }

    /// The signs of a grievance in a text, by strength.
    private struct Signs {
        var strong: [Range<Int>] = []
        var weak: [Range<Int>] = []
        /// Words that sharpen a grievance but are none alone (``ComplaintDetector/fillers``).
        var fillers: [Range<Int>] = []
        /// Separate grievances: what the school did to a family, or a request to it to change.
        var grievances = 0
    }

    /// One post's text read for complaints and disparagement.
    private struct Reading {
        let view: TextView
        let post: PostContext
        /// Whether the text mentions the school, its staff or something it runs.
        let aboutSchool: Bool
        let praise: [Range<Int>]
        let external: [Range<Int>]
        let elsewhere: [Range<Int>]
        let joking: [Range<Int>]

        init(_ view: TextView, in post: PostContext) {
            self.view = view
            self.post = post
            aboutSchool =
                view.has(.schoolWord) || view.has(.schoolMatter) || !view.schools.isEmpty || !post.adultNames(in: view).isEmpty
                || view.has(.staffRole)
            praise = view.hits(.praise)
            external = view.hits(.externalBody)
            elsewhere = view.hits(.reportedElsewhere)
            joking = view.hits(.affection)
        }

        /// A sentence opening "If" that points to the proper channel ("If you have concerns,
        /// please email the office") gives advice, not a grievance.
        func isAdvice(_ hit: Range<Int>) -> Bool {
            let start = view.sentenceStart(of: hit.lowerBound)
            guard view.tokenized.plain(start).elementsEqual(ComplaintDetector.conditional) else { return false }
            return view.inSentence(.officialChannel, with: hit) || view.inSentence(.question, with: hit)
                || (start..<view.tokenCount).prefix { view.sentence[$0] == view.sentence[start] }.contains {
                    view.tokenized.plain($0).elementsEqual("please".utf8)
                }
        }

        /// A hit taken back by praise later in its sentence ("a total joke… in the best way 😂 love it"),
        /// or about something outside the school ("the council", "our old school").
        func takenBack(_ hit: Range<Int>) -> Bool {
            praise.contains { view.sameSentence($0, hit) && $0.lowerBound >= hit.upperBound }
                || joking.contains { view.sameSentence($0, hit) }
                || elsewhere.contains { view.sameSentence($0, hit) }
        }

        /// Whether the hit's sentence names a body outside the school.
        func outsideBody(_ hit: Range<Int>) -> Bool { external.contains { view.sameSentence($0, hit) } }

        /// Every sign of a grievance. Grievance words that are only name-calling of a person or
        /// of the whole school count for those behaviours, not as a complaint.
        func signs() -> Signs {
            var signs = Signs()
            for hit in view.hits(.complaint, notWithin: [.disrepute, .negativeTrait, .misconductIdiom]) where !takenBack(hit) {
                // "If anyone has concerns about…, please email the office": a condition, not a grievance.
                if outsideBody(hit) || isAdvice(hit) { continue }
                if view.phrase(hit, isIn: ComplaintDetector.fillers) {
                    signs.fillers.append(hit)
                } else if view.phrase(hit, isIn: ComplaintDetector.weak) {
                    signs.weak.append(hit)
                } else {
                    signs.strong.append(hit)
                }
            }
            // A school matter (a policy, the menu, a trip) called bad, with no one person the target,
            // is a grievance ("the new homework policy is useless").
            let individuals = post.individuals(in: view)
            for hit in view.hits(.negativeTrait) where !takenBack(hit) && view.inSentence(.schoolMatter, with: hit) {
                if individuals.contains(where: { view.sameSentence($0, hit) }) || outsideBody(hit) { continue }
                signs.strong.append(hit)
            }
            // Swearing at something the school decided ("Homework on the first day back? Utter
            // bollocks.", "#absolutepisstake"), with no one person its target, is a grievance. Not
            // swearing alone: "ffs, sent him in on the wrong day" is at oneself.
            let swearing =
                view.hiddenSwearing + view.hits(.swearing).filter { view.phrase($0).hasPrefix("bollock") }
            for hit in swearing where !takenBack(hit) && view.has(.schoolMatter) {
                if individuals.contains(where: { view.sameSentence($0, hit) }) || outsideBody(hit) { continue }
                signs.strong.append(hit)
            }
            // What the school did to a family, or a request to it to change, is a grievance too.
            var lastGrievance = -1
            for hit in view.hits(.grievance) where !takenBack(hit) && !isAdvice(hit) {
                if outsideBody(hit) { continue }
                signs.weak.append(hit)
                if hit.lowerBound >= lastGrievance { signs.grievances += 1 }
                lastGrievance = hit.upperBound
            }
            return signs
        }

        /// The words of a complaint made in public, or nil when the signs do not add up to one.
        func complaint() -> [Range<Int>]? {
            let signs = signs()
            let (strong, weak, fillers) = (signs.strong, signs.weak, signs.fillers)
            // "cheers for that" is sarcasm, not thanks.
            let resolved = view.hits(.complaintResolved, notWithin: [.complaint])
            let outside = view.has(.externalBody) && !(view.has(.schoolWord) || !view.schools.isEmpty)
            // On a school community's page a grievance is about the school unless it names someone
            // else to blame; weak words alone still need the school mentioned. Two separate
            // grievances on a school community's page are about the school even unnamed ("the gate
            // gets locked…, please can this be looked at").
            let aboutTheSchool = aboutSchool || strong.count >= 1 && weak.count >= 1 || signs.grievances >= 2
            let enough = !strong.isEmpty || weak.count >= 2 || weak.count == 1 && !fillers.isEmpty
            guard !outside, aboutTheSchool, enough, resolved.isEmpty || strong.count >= 2 else { return nil }
            return strong + weak + fillers
        }

        /// Disparagement of the whole school, not of a person in it.
        func disparagement() -> [Range<Int>] {
            var disrepute: [Range<Int>] = []
            let people = post.individuals(in: view)
            for hit in view.hits(.disrepute, notWithin: [.misconductIdiom]) where !takenBack(hit) {
                let phrase = view.phrase(hit)
                if ComplaintDetector.needsSchool.contains(phrase) && !aboutSchool { continue }
                // "avoid" alone disparages only as a verdict: closing its sentence or as a hashtag ("#avoid").
                if phrase == "avoid" {
                    let last = hit.upperBound == view.tokenCount || !view.sameSentence(hit, hit.upperBound..<(hit.upperBound + 1))
                    if !last && !view.tokenized.tokens[hit.lowerBound].flags.contains(.tagged) { continue }
                }
                // "Mrs X is an embarrassment to the profession" is about a person, not the school.
                let schoolInSentence =
                    view.schools.contains { view.sameSentence($0.tokens, hit) }
                    || view.hitsInSentence(.schoolWord, with: hit).contains {
                        view.phrase($0).containsASCII("school") || view.phrase($0).containsASCII("academy")
                    }
                if !schoolInSentence && people.contains(where: { view.sameSentence($0, hit) && $0.upperBound <= hit.lowerBound }) { continue }
                disrepute.append(hit)
            }
            return disrepute
        }
    }
}
