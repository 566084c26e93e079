import Foundation
import ParapetModels
import ParapetTrustConfiguration
import TestSupport

/// The example trust and verdicts made to order, for the escalation tests.
enum EscalationFixtures {
    static let trust = "oakfield-learning-trust"
    static let folder = LocalInfrastructure.repositoryRoot.appending(path: "Examples/oakfield-learning-trust")

    /// The example trust, read from its files.
    static let configuration: TrustConfiguration = {
        do {
            return try TrustConfiguration.load(from: folder)
        } catch {
            preconditionFailure("the example trust does not load: \(error)")
        }
    }()

    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// A verdict breaking `clauses` (clause id, behaviour, severity) on post `post` by `author`.
    static func verdict(
        _ name: String, school: String = "stokes-wood", author: String = "facebook:sam.parent", post: String? = nil, revision: Int = 1,
        clauses: [(String, Behaviour, Severity)], about: [BreachSubject] = [], childAtRisk: Bool = false, at offset: TimeInterval = 0
    ) -> Verdict {
        Verdict(
            id: uuid("verdict:\(name)"), postID: uuid("post:\(post ?? name)"), postRevision: revision, school: school,
            authorKey: AuthorKey(rawValue: author), rulesetVersion: "test", packID: school, packVersion: 1,
            decidedAt: start.addingTimeInterval(offset),
            breaches: clauses.map {
                ClauseBreach(clauseID: $0.0, behaviour: $0.1, severity: $0.2, evidence: [], about: about, childAtRisk: childAtRisk)
            })
    }

    /// Stokes Wood's head, a teacher and its chair of governors, as breaches name them.
    static let stokesWoodHead = BreachSubject(kind: .staff, id: "sw-s-001", role: "headteacher")
    static let stokesWoodTeacher = BreachSubject(kind: .staff, id: "sw-s-003", role: "teacher")
    static let stokesWoodChair = BreachSubject(kind: .governor, id: "sw-g-01", role: "chair")

    /// The contact of `school` (nil for the trust) in `role`.
    static func contact(_ school: String?, _ role: ContactRole) -> Contact? {
        (configuration.contacts + configuration.trust.contacts).first { $0.school == school && $0.role == role }
    }

    /// A benign verdict.
    static func benign(_ name: String, school: String = "stokes-wood", author: String = "facebook:sam.parent") -> Verdict {
        verdict(name, school: school, author: author, clauses: [])
    }

    static func uuid(_ name: String) -> UUID {
        var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: name.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }))
        var bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
