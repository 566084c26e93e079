import Foundation
import ParapetModels

/// Verdict JSON written directly, without `JSONEncoder`: exactly the bytes ``ParapetJSON``
/// writes (sorted keys, absent optionals left out, UUIDs upper-case, slashes unescaped), at a
/// fraction of the cost. The classifier writes every verdict twice (the `breaches` column and
/// the published envelope), tens of thousands a second.
public enum VerdictJSONWriter {
    /// `breaches` as ParapetJSON encodes the array.
    public static func breaches(_ breaches: [ClauseBreach]) -> [UInt8] {
        guard !breaches.isEmpty else { return Array("[]".utf8) }
        var writer = JSONWriter(capacity: 256)
        writer.breaches(breaches)
        return writer.bytes
    }

    /// The envelope of `verdict` as ParapetJSON encodes it, its id the verdict's own; the
    /// breaches given already encoded, `decidedAt` already formatted (one batch shares both
    /// work: the breaches go to PostgreSQL too, and every verdict of a batch has one time).
    public static func envelope(_ verdict: Verdict, trust: String, breachesJSON: [UInt8], decidedAtText: String) -> [UInt8] {
        var writer = JSONWriter(capacity: 384 + breachesJSON.count + 2 * verdict.school.utf8.count)
        writer.raw("{\"id\":"); writer.uuid(verdict.id)
        writer.raw(",\"occurred_at\":"); writer.string(decidedAtText)
        writer.raw(",\"payload\":"); writer.verdict(verdict, breachesJSON: breachesJSON, decidedAtText: decidedAtText)
        writer.raw(",\"schema\":"); writer.string(Verdict.schema.description)
        writer.raw(",\"school\":"); writer.string(verdict.school)
        writer.raw(",\"trust\":"); writer.string(trust)
        writer.raw("}")
        return writer.bytes
    }

    /// `verdict` alone as ParapetJSON encodes it (`parapet classify --jsonl` writes one a line),
    /// `decidedAt` already formatted.
    public static func verdict(_ verdict: Verdict, decidedAtText: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        append(verdict, decidedAtText: decidedAtText, to: &bytes)
        return bytes
    }

    /// ``verdict(_:decidedAtText:)`` written onto the end of `bytes` (a batch of lines), with no
    /// buffer of its own.
    public static func append(_ verdict: Verdict, decidedAtText: String, to bytes: inout [UInt8]) {
        var writer = JSONWriter(continuing: bytes)
        bytes = []
        writer.verdict(verdict, breachesJSON: nil, decidedAtText: decidedAtText)
        bytes = writer.finish()
    }
}

extension JSONWriter {
    /// A verdict object with its keys in order; the breaches written here unless given encoded.
    mutating func verdict(_ verdict: Verdict, breachesJSON: [UInt8]?, decidedAtText: String) {
        raw("{\"author_key\":"); string(verdict.authorKey.rawValue)
        raw(",\"breaches\":")
        if let breachesJSON { append(json: breachesJSON) } else { breaches(verdict.breaches) }
        raw(",\"decided_at\":"); string(decidedAtText)
        raw(",\"id\":"); uuid(verdict.id)
        raw(",\"pack_id\":"); string(verdict.packID)
        raw(",\"pack_version\":"); integer(verdict.packVersion)
        raw(",\"post_id\":"); uuid(verdict.postID)
        raw(",\"post_revision\":"); integer(verdict.postRevision)
        raw(",\"ruleset_version\":"); string(verdict.rulesetVersion)
        raw(",\"school\":"); string(verdict.school)
        raw("}")
    }

    /// `breaches` as ParapetJSON encodes the array.
    mutating func breaches(_ breaches: [ClauseBreach]) {
        raw("[")
        for (index, breach) in breaches.enumerated() {
            if index > 0 { raw(",") }
            raw("{\"about\":"); subjects(breach.about)
            raw(",\"behaviour\":"); string(breach.behaviour.rawValue)
            if breach.childAtRisk { raw(",\"child_at_risk\":true") }
            raw(",\"clause_id\":"); string(breach.clauseID)
            raw(",\"evidence\":[")
            for (index, evidence) in breach.evidence.enumerated() {
                if index > 0 { raw(",") }
                raw("{")
                if let attachment = evidence.attachment { raw("\"attachment\":"); integer(attachment); raw(",") }
                raw("\"detector\":"); string(evidence.detector)
                raw(",\"matched\":"); string(evidence.matched)
                if let span = evidence.span {
                    raw(",\"span\":{\"utf16_end\":"); integer(span.end)
                    raw(",\"utf16_start\":"); integer(span.start)
                    raw("}")
                }
                raw("}")
            }
            raw("],\"severity\":"); string(breach.severity.rawValue)
            raw("}")
        }
        raw("]")
    }
}
