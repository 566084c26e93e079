import Crypto
import Foundation
import ParapetModels

/// One school's effective pack, ready to turn detections into a verdict. A class so that each
/// post's context holds a reference, not a copy of the pack.
final class CompiledSchool: Sendable {
    let index: Int32
    let school: School
    let pack: PolicyPack
    let version: Int
    let settings: PolicyPack.Settings
    /// The pack's clauses in pack order, cut down to what a verdict needs.
    private let clauses: [Clause]

    /// A clause as the verdict needs it.
    private struct Clause: Sendable {
        var position: Int
        var id: String
        var behaviour: Behaviour
        var severity: Severity
        var audiences: [Audience]
        var ownPageOnly: Bool
    }

    init(index: Int32, school: School, pack: PolicyPack, version: Int) {
        self.index = index
        self.school = school
        self.pack = pack
        self.version = version
        settings = pack.settings
        clauses = pack.clauses.enumerated().map { position, clause in
            Clause(
                position: position, id: clause.id, behaviour: clause.behaviour, severity: clause.severity, audiences: clause.appliesTo,
                ownPageOnly: clause.scope == .ownPage)
        }
    }

    func verdict(for post: Post, detections: [Detection], author: AuthorRole, account: MonitoredAccount, rulesetVersion: String, decidedAt: Date) -> Verdict {
        var breaches: [ClauseBreach] = []
        if !detections.isEmpty {
            for clause in clauses {
                guard let detection = detections.first(where: { $0.behaviour == clause.behaviour }) else { continue }
                guard Self.applies(clause.audiences, to: author), !clause.ownPageOnly || account.runBy == .school else { continue }
                let severity = max(clause.severity, detection.minimumSeverity ?? clause.severity)
                breaches.append(ClauseBreach(clauseID: clause.id, behaviour: clause.behaviour, severity: severity, evidence: detection.evidence))
            }
        }
        return Verdict(
            id: Self.verdictID(post: post, rulesetVersion: rulesetVersion, packID: pack.id, packVersion: version),
            postID: post.id, postRevision: post.revision, school: post.school, authorKey: post.authorKey, rulesetVersion: rulesetVersion,
            packID: pack.id, packVersion: version, decidedAt: decidedAt, breaches: breaches)
    }

    static func applies(_ audiences: [Audience], to author: AuthorRole) -> Bool {
        audiences.contains { audience in
            switch audience {
            case .anyone: true
            case .parents: author == .parent || author == .unknown
            case .staff: author == .staff
            case .pupils: author == .pupil
            case .governors: author == .governor
            }
        }
    }

    /// A name-based UUID (SHA-256 of what the verdict is of, version 8 layout), so the same post
    /// revision under the same ruleset and pack version always gets the same verdict id.
    static func verdictID(post: Post, rulesetVersion: String, packID: String, packVersion: Int) -> UUID {
        let name = "parapet-verdict\u{0}\(post.id.uuidString.lowercased())\u{0}\(post.revision)\u{0}\(rulesetVersion)\u{0}\(packID)\u{0}\(packVersion)"
        var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// Who the author is to the school, for `applies_to`.
enum AuthorRole: Sendable, Hashable {
    case parent, staff, pupil, governor, publicMember, unknown
}
