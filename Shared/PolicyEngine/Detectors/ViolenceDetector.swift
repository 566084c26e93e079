import ParapetModels

/// Threats of violence and wishes of harm, told apart from idioms ("killing it", "could kill for
/// a coffee") and from violence in games, films and the news.
struct ViolenceDetector: Detector {
    func detect(in post: PostContext, into found: inout Detections) {
        for view in post.allTexts {
            var evidence: [Evidence] = []
            for hit in view.hits(.threatPhrase, notWithin: [.violenceIdiom]) + view.hits(.harmWish, notWithin: [.violenceIdiom]) {
                evidence.append(view.evidence(hit, detector: "threat"))
            }
            let intents = view.hits(.threatIntent)
            for hit in view.hits(.violence, notWithin: [.violenceIdiom, .threatPhrase, .harmWish]) {
                guard !view.inSentence(.violenceIdiom, with: hit) else { continue }
                let intended = intents.contains { $0.upperBound <= hit.lowerBound + 1 && hit.lowerBound - $0.upperBound <= 4 && view.sameSentence($0, hit) }
                guard intended else { continue }
                let target = view.hits(.personReference).contains { view.sameSentence($0, hit) }
                    || view.inSentence(.staffRole, with: hit) || view.inSentence(.schoolWord, with: hit) || !view.names.isEmpty
                    || view.inSentence(.thirdPartyChild, with: hit)
                guard target else { continue }
                evidence.append(view.evidence(hit, detector: "violence-intent"))
            }
            if !evidence.isEmpty { found.add(.threatOfViolence, evidence) }
        }
    }
}
