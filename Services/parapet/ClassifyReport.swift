import Foundation
import ParapetModels
import ParapetPolicyEngine

/// A verdict as a policy author reads it: where the post was, each clause broken with the
/// policy's own words and the evidence, and the text with the evidence marked.
struct ClassifyReport {
    let trust: ClassifyTrust
    let post: Post
    let verdict: Verdict
    let highlighter: ClassifyHighlighter
    /// Everything the detectors found (`--explain`), or nil to leave it out.
    var detections: [Detection]?

    var text: String {
        var lines: [String] = []
        let school = trust.school(post.school)
        let account = trust.account(post.account)
        lines.append("school   \(school?.name ?? post.school) (\(post.school))")
        lines.append(
            "account  \(post.account)" + (account.map { " — \($0.name) (\($0.runBy.rawValue), \($0.platform.rawValue))" } ?? ""))
        lines.append("author   \(post.author.handle) (\(post.author.kind.rawValue))" + (post.replyTo.map { ", replying to \($0)" } ?? ""))
        lines.append("ruleset  \(verdict.rulesetVersion)")
        lines.append(
            "pack     \(verdict.packID) version \(verdict.packVersion)" + (verdict.packVersion == 0 ? " (read from files, not applied)" : ""))
        lines.append("")
        if verdict.breaches.isEmpty {
            lines.append("No clause broken: the post is benign under this pack.")
        } else {
            let count = verdict.breaches.count
            lines.append("\(count) clause\(count == 1 ? "" : "s") broken, most severe \(verdict.severity?.rawValue ?? "-"):")
            for (number, breach) in verdict.breaches.enumerated() {
                lines.append("")
                lines += describe(breach, number: number + 1)
            }
        }
        if let detections {
            lines.append("")
            lines += explain(detections)
        }
        lines.append("")
        lines.append("text:")
        lines.append(indent(highlighter.mark(post.text, spans: spans(attachment: nil))))
        for (index, medium) in post.media.enumerated() {
            guard let alt = medium.altText else { continue }
            lines.append("attachment \(index) (\(medium.type.rawValue)) alt text:")
            lines.append(indent(highlighter.mark(alt, spans: spans(attachment: index))))
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ breach: ClauseBreach, number: Int) -> [String] {
        var lines = ["\(number). \(breach.clauseID) — \(breach.behaviour.rawValue), \(breach.severity.rawValue)"]
        let clause = trust.clause(breach.clauseID, school: post.school)
        if let quote = clause?.quote {
            lines.append("   policy: \"\(quote.trimmingCharacters(in: .whitespacesAndNewlines))\"")
        } else if let rationale = clause?.rationale {
            lines.append("   trust default (quotes no school policy): \(rationale.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        for evidence in breach.evidence {
            lines.append("   evidence: \(locate(evidence))")
        }
        return lines
    }

    private func explain(_ detections: [Detection]) -> [String] {
        let breached = Set(verdict.breaches.map(\.behaviour))
        var lines = ["detected (whether or not a clause of this pack applies):"]
        if detections.isEmpty { lines.append("   nothing") }
        for detection in detections {
            let note = breached.contains(detection.behaviour) ? "" : "  [no clause applies]"
            let floor = detection.minimumSeverity.map { ", at least \($0.rawValue)" } ?? ""
            lines.append("   \(detection.behaviour.rawValue)\(floor)\(note)")
            for evidence in detection.evidence {
                lines.append("      \(locate(evidence))")
            }
        }
        return lines
    }

    /// Where the evidence is and what matched: `"excerpt" (detector)`, with what the detector
    /// matched when it differs from the excerpt (`"f*ck" (swearing: fuck)`).
    private func locate(_ evidence: Evidence) -> String {
        let excerpt = evidence.excerpt(in: post).map(String.init)
        let detail =
            excerpt?.lowercased() == evidence.matched.lowercased() ? evidence.detector : "\(evidence.detector): \(evidence.matched)"
        switch (evidence.attachment, evidence.span) {
        case (nil, nil): return "the post as a whole (\(detail))"
        case (let index?, nil): return "attachment \(index) as a whole (\(detail))"
        case (let index?, _?): return "attachment \(index) alt text \"\(excerpt ?? "")\" (\(detail))"
        case (nil, _?): return "\"\(excerpt ?? "")\" (\(detail))"
        }
    }

    private func spans(attachment: Int?) -> [(start: Int, end: Int)] {
        verdict.breaches.flatMap(\.evidence).filter { $0.attachment == attachment }.compactMap { evidence in
            evidence.span.map { ($0.start, $0.end) }
        }
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
