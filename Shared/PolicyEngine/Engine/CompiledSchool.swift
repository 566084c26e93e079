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
    /// The school's name with its generic words dropped and the rest run together
    /// ("stokeswood", "dauvergne"), and its first distinctive word ("levens"): what a handle or a
    /// web address made from the name holds (`SchoolNameDetector.embeddedNames`).
    let compactNames: [[UInt8]]
    /// The pack's clauses in pack order, cut down to what a verdict needs.
    private let clauses: [Clause]
    /// The engine's ruleset version, and the end of the verdict id's name under it (see `verdictID`).
    private let rulesetVersion: String
    private let verdictNameEnd: [UInt8]

    /// A clause as the verdict needs it.
    private struct Clause: Sendable {
        var position: Int
        var id: String
        var behaviour: Behaviour
        var severity: Severity
        var audiences: [Audience]
        var ownPageOnly: Bool
    }

    init(index: Int32, school: School, pack: PolicyPack, version: Int, rulesetVersion: String) {
        self.index = index
        self.school = school
        self.pack = pack
        self.version = version
        settings = pack.settings
        self.rulesetVersion = rulesetVersion
        // The name's words as the tokenizer folds them, as post text is: a handle is matched
        // against a post's folded words.
        let folded = CompiledTrust.words(of: school.name).filter {
            !CompiledTrust.genericSchoolWords.contains(String(decoding: $0, as: UTF8.self))
        }
        var compact = [folded.joined().map { $0 }]
        if let first = folded.first, first.count >= 5, folded.count > 1 { compact.append(first) }
        compactNames = compact.filter { $0.count >= 5 }
        verdictNameEnd = Self.verdictNameEnd(rulesetVersion: rulesetVersion, packID: pack.id, packVersion: version)
        clauses = pack.clauses.enumerated().map { position, clause in
            Clause(
                position: position, id: clause.id, behaviour: clause.behaviour, severity: clause.severity, audiences: clause.appliesTo,
                ownPageOnly: clause.scope == .ownPage)
        }
    }

    func verdict(
        for post: Post, detections: [Detection], author: AuthorRole, account: CompiledAccount, rulesetVersion: String, decidedAt: Date
    ) -> Verdict {
        var breaches: [ClauseBreach] = []
        if !detections.isEmpty {
            // At most one breach per clause, and usually one per detection.
            breaches.reserveCapacity(detections.count)
            for position in clauses.indices {
                // Only a clause whose behaviour was detected is read whole: copying each clause
                // (or detection) out to test it retained and released its strings and arrays.
                let behaviour = clauses[position].behaviour
                guard let found = detections.firstIndex(where: { $0.behaviour == behaviour }) else { continue }
                let clause = clauses[position]
                guard Self.applies(clause.audiences, to: author), !clause.ownPageOnly || account.runBy == .school else { continue }
                let severity = max(clause.severity, detections[found].minimumSeverity ?? clause.severity)
                breaches.append(
                    ClauseBreach(clauseID: clause.id, behaviour: clause.behaviour, severity: severity, evidence: detections[found].evidence))
            }
        }
        return Verdict(
            id: verdictID(post: post, rulesetVersion: rulesetVersion),
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
    /// pack and its version, separated by NULs; written as bytes into one buffer on the stack,
    /// its end (ruleset, pack, version) kept from `init` for the engine's own ruleset.
    func verdictID(post: Post, rulesetVersion: String) -> UUID {
        if rulesetVersion == self.rulesetVersion { return Self.verdictID(post: post, nameEnd: verdictNameEnd) }
        return Self.verdictID(post: post, nameEnd: Self.verdictNameEnd(rulesetVersion: rulesetVersion, packID: pack.id, packVersion: version))
    }

    /// The end of a verdict id's name: NUL, the ruleset, NUL, the pack, NUL, its version.
    static func verdictNameEnd(rulesetVersion: String, packID: String, packVersion: Int) -> [UInt8] {
        [0] + Array(rulesetVersion.utf8) + [0] + Array(packID.utf8) + [0] + Array(String(packVersion).utf8)
    }

    private static let verdictNameStart = Array("parapet-verdict".utf8) + [0]

    static func verdictID(post: Post, nameEnd: [UInt8]) -> UUID {
        let start = verdictNameStart
        // The revision in decimal, as `String(revision)` writes it: at most 20 digits and a sign.
        let capacity = start.count + UUID.textLength + 1 + 21 + nameEnd.count
        let digest = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { name in
            var at = 0
            func append(_ bytes: [UInt8]) {
                for byte in bytes {
                    name[at] = byte
                    at += 1
                }
            }
            append(start)
            at += post.id.writeLowercased(into: UnsafeMutableBufferPointer(rebasing: name[at...]))
            name[at] = 0
            at += 1
            at += writeDecimal(post.revision, into: UnsafeMutableBufferPointer(rebasing: name[at..<(at + 21)]))
            append(nameEnd)
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: name[..<at])))
            return hasher.finalize()
        }
        return digest.withUnsafeBytes { UUID(version8Hash: $0) }
    }

    /// Writes `value` in decimal as `String(value)` would to the start of `text` (21 bytes hold
    /// any `Int`); returns the bytes written.
    static func writeDecimal(_ value: Int, into text: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var magnitude = value.magnitude
        var digits = 0
        repeat {
            digits += 1
            magnitude /= 10
        } while magnitude > 0
        let sign = value < 0 ? 1 : 0
        guard text.count >= sign + digits else { return 0 }
        if sign == 1 { text[0] = UInt8(ascii: "-") }
        magnitude = value.magnitude
        var at = sign + digits
        repeat {
            at -= 1
            text[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        return sign + digits
    }
}

/// Who the author is to the school, for `applies_to`.
enum AuthorRole: Sendable, Hashable {
    case parent, staff, pupil, governor, publicMember, unknown
}
