/// Every detector family, in the order they run. Order does not change a verdict: each adds
/// to its own behaviours only.
enum Detectors {
    static let all: [any Detector] = [
        PeopleDetector(), PhotoDetector(), LanguageDetector(), ViolenceDetector(), ConductDetector(), AccusationDetector(),
        ComplaintDetector(), PrivacyDetector(), StaffDetector(), SchoolNameDetector(), AgeDetector(), SafeguardingDetector(),
    ]
}

extension TextView {
    /// The folded words of `range` joined by spaces, for checking a hit against a short list.
    func phrase(_ range: Range<Int>) -> String {
        range.map { tokenized.word($0) }.joined(separator: " ")
    }

    /// Hits of `cue` whose phrase is not in `weak`, and those that are.
    func hits(_ cue: Cue, splitting weak: Set<String>) -> (strong: [Range<Int>], weak: [Range<Int>]) {
        var strong: [Range<Int>] = []
        var weakHits: [Range<Int>] = []
        for hit in hits(cue) {
            if weak.contains(phrase(hit)) { weakHits.append(hit) } else { strong.append(hit) }
        }
        return (strong, weakHits)
    }

    /// Whether any hit of `cue` shares a sentence with `range`.
    func inSentence(_ cue: Cue, with range: Range<Int>) -> Bool {
        hits(cue).contains { sameSentence($0, range) }
    }

    /// Hits of `cue` in the sentence of `range`.
    func hitsInSentence(_ cue: Cue, with range: Range<Int>) -> [Range<Int>] {
        hits(cue).filter { sameSentence($0, range) }
    }

    /// Whether the text contains a quotation.
    var quotes: Bool {
        text.contains("\"") || text.contains("“") || text.contains("”") || text.contains("‘") && text.contains("’ ")
    }
}
