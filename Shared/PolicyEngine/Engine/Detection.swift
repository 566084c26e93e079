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

/// What the detectors have found so far in one post, one entry per behaviour.
struct Detections {
    private var found: [Behaviour: Detection] = [:]

    mutating func add(_ behaviour: Behaviour, _ evidence: [Evidence], minimumSeverity: Severity? = nil) {
        if var existing = found[behaviour] {
            for item in evidence where !existing.evidence.contains(item) { existing.evidence.append(item) }
            if let minimumSeverity { existing.minimumSeverity = max(existing.minimumSeverity ?? minimumSeverity, minimumSeverity) }
            found[behaviour] = existing
        } else {
            found[behaviour] = Detection(behaviour: behaviour, evidence: evidence, minimumSeverity: minimumSeverity)
        }
    }

    func contains(_ behaviour: Behaviour) -> Bool { found[behaviour] != nil }

    /// The evidence found so far for `behaviour`.
    func evidence(of behaviour: Behaviour) -> [Evidence] { found[behaviour]?.evidence ?? [] }

    /// In the order of `Behaviour.allCases`, each detection's evidence in text order.
    var all: [Detection] {
        Behaviour.allCases.compactMap { behaviour in
            guard var detection = found[behaviour] else { return nil }
            detection.evidence.sort { ($0.attachment ?? -1, $0.span?.start ?? 0, $0.span?.end ?? 0) < ($1.attachment ?? -1, $1.span?.start ?? 0, $1.span?.end ?? 0) }
            return detection
        }
    }
}

/// One detector family: reads a post's context and adds what it finds.
protocol Detector: Sendable {
    func detect(in post: PostContext, into found: inout Detections)
}
