import Foundation
import ParapetCodecs
import ParapetModels

/// Reads a `parapet.verdict/1` or `/2` envelope straight from its bytes, several times faster
/// than `JSONDecoder`, which at escalation's rate took more CPU than anything else it does.
///
/// A fast path, never the judge (as ``JSONCursor`` is): it returns a verdict only for a
/// well-formed envelope whose every field it understands, and then exactly the value
/// ``IncomingEvent/init(json:)`` would give; for anything else nil, and the caller reads the
/// message with ``IncomingEvent``, which says precisely what is wrong with a bad one.
public enum VerdictEnvelopeReader {
    public static func read(_ bytes: [UInt8]) -> Envelope<Verdict>? {
        JSONCursor.envelope(bytes, schemas: [.verdictV1, .verdictV2]) { $0.verdict() }
    }
}

/// The shapes of a verdict, read with ``JSONCursor``.
extension JSONCursor {
    mutating func verdict() -> Verdict? {
        var id: UUID?, postID: UUID?, revision: Int?, school: String?, author: String?, ruleset: String?, pack: String?
        var packVersion: Int?, decidedAt: Date?, breaches: [ClauseBreach]?
        let complete = object { key, cursor in
            switch key {
            case "id": return Self.assign(&id, cursor.uuid())
            case "post_id": return Self.assign(&postID, cursor.uuid())
            case "post_revision": return Self.assign(&revision, cursor.integer())
            case "school": return Self.assign(&school, cursor.string())
            case "author_key": return Self.assign(&author, cursor.string())
            case "ruleset_version": return Self.assign(&ruleset, cursor.string())
            case "pack_id": return Self.assign(&pack, cursor.string())
            case "pack_version": return Self.assign(&packVersion, cursor.integer())
            case "decided_at": return Self.assign(&decidedAt, cursor.date())
            case "breaches": return Self.assign(&breaches, cursor.array { $0.breach() })
            default: return cursor.skipValue()
            }
        }
        guard complete, let id, let postID, let revision, let school, let author, let ruleset, let pack, let packVersion, let decidedAt,
            let breaches
        else { return nil }
        return Verdict(
            id: id, postID: postID, postRevision: revision, school: school, authorKey: AuthorKey(rawValue: author), rulesetVersion: ruleset,
            packID: pack, packVersion: packVersion, decidedAt: decidedAt, breaches: breaches)
    }

    mutating func breach() -> ClauseBreach? {
        var clause: String?, behaviour: Behaviour?, severity: Severity?, evidence: [Evidence]?, about: [BreachSubject]?, child: Bool?
        let complete = object { key, cursor in
            switch key {
            case "clause_id": return Self.assign(&clause, cursor.string())
            case "behaviour": return Self.assign(&behaviour, cursor.string().flatMap(Behaviour.init(rawValue:)))
            case "severity": return Self.assign(&severity, cursor.string().flatMap(Severity.init(rawValue:)))
            case "evidence": return Self.assign(&evidence, cursor.array { $0.evidence() })
            case "about": return Self.assign(&about, cursor.array { $0.subject() })
            case "child_at_risk": return Self.assign(&child, cursor.bool())
            default: return cursor.skipValue()
            }
        }
        guard complete, let clause, let behaviour, let severity, let evidence else { return nil }
        return ClauseBreach(
            clauseID: clause, behaviour: behaviour, severity: severity, evidence: evidence, about: about ?? [], childAtRisk: child ?? false)
    }

    mutating func evidence() -> Evidence? {
        var span: TextSpan??, attachment: Int??, matched: String?, detector: String?
        let complete = object { key, cursor in
            switch key {
            case "span": return Self.assign(&span, cursor.optional { $0.span() })
            case "attachment": return Self.assign(&attachment, cursor.optional { $0.integer() })
            case "matched": return Self.assign(&matched, cursor.string())
            case "detector": return Self.assign(&detector, cursor.string())
            default: return cursor.skipValue()
            }
        }
        guard complete, let matched, let detector else { return nil }
        return Evidence(span: span ?? nil, attachment: attachment ?? nil, matched: matched, detector: detector)
    }

    mutating func span() -> TextSpan? {
        var start: Int?, end: Int?
        let complete = object { key, cursor in
            switch key {
            case "utf16_start": return Self.assign(&start, cursor.integer())
            case "utf16_end": return Self.assign(&end, cursor.integer())
            default: return cursor.skipValue()
            }
        }
        // The models refuse a negative start or an end before it; the slow path says so.
        guard complete, let start, let end, start >= 0, end >= start else { return nil }
        return TextSpan(start: start, end: end)
    }

    mutating func subject() -> BreachSubject? {
        var kind: BreachSubject.Kind?, id: String??, role: String??
        let complete = object { key, cursor in
            switch key {
            case "kind": return Self.assign(&kind, cursor.string().flatMap(BreachSubject.Kind.init(rawValue:)))
            case "id": return Self.assign(&id, cursor.optional { $0.string() })
            case "role": return Self.assign(&role, cursor.optional { $0.string() })
            default: return cursor.skipValue()
            }
        }
        guard complete, let kind else { return nil }
        return BreachSubject(kind: kind, id: id ?? nil, role: role ?? nil)
    }
}
