import ParapetModels

/// A behaviour the detectors found in a post, with why; it becomes a breach only where the
/// school's pack has a clause for it that applies to this author on this account.
public struct Detection: Sendable, Hashable {
    public var behaviour: Behaviour
    public var evidence: [Evidence]
    /// At least this severe whatever the clause says (a pupil without photo consent, swimwear).
    public var minimumSeverity: Severity?

    public init(behaviour: Behaviour, evidence: [Evidence], minimumSeverity: Severity? = nil) {
        self.behaviour = behaviour
        self.evidence = evidence
        self.minimumSeverity = minimumSeverity
    }
}

/// What the detectors have found so far in one post, one entry per behaviour. A short array
/// searched in order, not a dictionary: a post has at most a handful of detections, most none.
struct Detections {
    private var found: [Detection] = []

    mutating func add(_ behaviour: Behaviour, _ evidence: [Evidence], minimumSeverity: Severity? = nil) {
        if let index = found.firstIndex(where: { $0.behaviour == behaviour }) {
            for item in evidence where !found[index].evidence.contains(item) { found[index].evidence.append(item) }
            if let minimumSeverity { found[index].minimumSeverity = max(found[index].minimumSeverity ?? minimumSeverity, minimumSeverity) }
        } else {
            // The same words found by two rules are one piece of evidence.
            var unique: [Evidence] = []
            unique.reserveCapacity(evidence.count)
            for item in evidence where !unique.contains(item) { unique.append(item) }
            found.append(Detection(behaviour: behaviour, evidence: unique, minimumSeverity: minimumSeverity))
        }
    }

    func contains(_ behaviour: Behaviour) -> Bool { found.contains { $0.behaviour == behaviour } }

    /// The evidence found so far for `behaviour`.
    func evidence(of behaviour: Behaviour) -> [Evidence] { found.first { $0.behaviour == behaviour }?.evidence ?? [] }

    /// In the order of `Behaviour.allCases`, each detection's evidence in text order; leaves
    /// none behind.
    ///
    /// The detections are moved out and their evidence sorted where it lies: sorting copies of
    /// them copied every evidence array (retaining each evidence's strings) first.
    mutating func takeAll() -> [Detection] {
        guard !found.isEmpty else { return [] }
        var found: [Detection] = []
        swap(&found, &self.found)
        var result: [Detection] = []
        result.reserveCapacity(found.count)
        for behaviour in Behaviour.allCases {
            guard let index = found.firstIndex(where: { $0.behaviour == behaviour }) else { continue }
            var detection = found.remove(at: index)
            detection.evidence.sort { ($0.attachment ?? -1, $0.span?.start ?? 0, $0.span?.end ?? 0) < ($1.attachment ?? -1, $1.span?.start ?? 0, $1.span?.end ?? 0) }
            result.append(detection)
            if found.isEmpty { break }
        }
        return result
    }
}

/// One detector family: reads a post's context and adds what it finds.
protocol Detector: Sendable {
    func detect(in post: PostContext, into found: inout Detections)
}
