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
    ///
    /// The name is "parapet-verdict", the post id (lower case), its revision, the ruleset, the
    /// pack and its version, separated by NULs; written as bytes rather than through string
    /// interpolation and `uuidString`, which formatted the id with printf for every post.
    static func verdictID(post: Post, rulesetVersion: String, packID: String, packVersion: Int) -> UUID {
        var name: [UInt8] = []
        name.reserveCapacity(96 + rulesetVersion.utf8.count + packID.utf8.count)
        name.append(contentsOf: "parapet-verdict".utf8)
        name.append(0)
        name.append(contentsOf: post.id.lowercasedString.utf8)
        name.append(0)
        name.append(contentsOf: String(post.revision).utf8)
        name.append(0)
        name.append(contentsOf: rulesetVersion.utf8)
        name.append(0)
        name.append(contentsOf: packID.utf8)
        name.append(0)
        name.append(contentsOf: String(packVersion).utf8)
        let digest = SHA256.hash(data: name)
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { target in
            digest.withUnsafeBytes { source in
                // A SHA-256 digest is 32 bytes; the UUID takes the first 16.
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(target.count)))
            }
        }
        uuid.6 = (uuid.6 & 0x0F) | 0x80
        uuid.8 = (uuid.8 & 0x3F) | 0x80
        return UUID(uuid: uuid)
    }
}

/// Who the author is to the school, for `applies_to`.
enum AuthorRole: Sendable, Hashable {
    case parent, staff, pupil, governor, publicMember, unknown
}
