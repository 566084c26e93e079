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
        bytes.withUnsafeBufferPointer { buffer in
            guard UTF8Validation.isValid(buffer) else { return nil }
            var reader = JSONCursor(buffer)
            guard let envelope = reader.verdictEnvelope(), reader.atEnd() else { return nil }
            return envelope
        }
    }
}

extension JSONCursor {
    mutating func verdictEnvelope() -> Envelope<Verdict>? {
        var schema: String?, id: UUID?, trust: String?, school: String?, occurredAt: Date?, payload: Verdict?
        let complete = object { key, cursor in
            switch key {
            case "schema": return assign(&schema, cursor.string())
            case "id": return assign(&id, cursor.uuid())
            case "trust": return assign(&trust, cursor.string())
            case "school": return assign(&school, cursor.string())
            case "occurred_at": return assign(&occurredAt, cursor.date())
            case "payload": return assign(&payload, cursor.verdict())
            default: return cursor.skipValue()
            }
        }
        guard complete, let schema, let known = [EventSchema.verdictV1, .verdictV2].first(where: { $0.description == schema }), let id,
            let trust, let school, let occurredAt, let payload, payload.school == school
        else { return nil }
        return Envelope(schema: known, id: id, trust: trust, school: school, occurredAt: occurredAt, payload: payload)
    }

    mutating func verdict() -> Verdict? {
        var id: UUID?, postID: UUID?, revision: Int?, school: String?, author: String?, ruleset: String?, pack: String?
        var packVersion: Int?, decidedAt: Date?, breaches: [ClauseBreach]?
        let complete = object { key, cursor in
            switch key {
            case "id": return assign(&id, cursor.uuid())
            case "post_id": return assign(&postID, cursor.uuid())
            case "post_revision": return assign(&revision, cursor.integer())
            case "school": return assign(&school, cursor.string())
            case "author_key": return assign(&author, cursor.string())
            case "ruleset_version": return assign(&ruleset, cursor.string())
            case "pack_id": return assign(&pack, cursor.string())
            case "pack_version": return assign(&packVersion, cursor.integer())
            case "decided_at": return assign(&decidedAt, cursor.date())
            case "breaches": return assign(&breaches, cursor.array { $0.breach() })
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
            case "clause_id": return assign(&clause, cursor.string())
            case "behaviour": return assign(&behaviour, cursor.string().flatMap(Behaviour.init(rawValue:)))
            case "severity": return assign(&severity, cursor.string().flatMap(Severity.init(rawValue:)))
            case "evidence": return assign(&evidence, cursor.array { $0.evidence() })
            case "about": return assign(&about, cursor.array { $0.subject() })
            case "child_at_risk": return assign(&child, cursor.bool())
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
            case "span": return assign(&span, cursor.optional { $0.span() })
            case "attachment": return assign(&attachment, cursor.optional { $0.integer() })
            case "matched": return assign(&matched, cursor.string())
            case "detector": return assign(&detector, cursor.string())
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
            case "utf16_start": return assign(&start, cursor.integer())
            case "utf16_end": return assign(&end, cursor.integer())
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
            case "kind": return assign(&kind, cursor.string().flatMap(BreachSubject.Kind.init(rawValue:)))
            case "id": return assign(&id, cursor.optional { $0.string() })
            case "role": return assign(&role, cursor.optional { $0.string() })
            default: return cursor.skipValue()
            }
        }
        guard complete, let kind else { return nil }
        return BreachSubject(kind: kind, id: id ?? nil, role: role ?? nil)
    }
}

/// Sets `slot` to `value`; false when there is no value (the member could not be read).
private func assign<Value>(_ slot: inout Value?, _ value: Value?) -> Bool {
    guard let value else { return false }
    slot = value
    return true
}
