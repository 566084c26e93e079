import Foundation
import ParapetModels
import ParapetPackDrafting
import ParapetTrustConfiguration
import TestSupport
import Testing

/// `parapet pack draft` judged on the example trust's five schools: each hand-written pack's
/// clauses against the draft made from the same policy (the pack's `source:` in `policies/`).
/// A hand-written clause is found when a drafted clause has its behaviour and quotes the same
/// words (one quote holds the other, folded to lower case and single spaces).
@Suite struct DraftFindsHandWrittenClausesTests {
    static let trustFolder = LocalInfrastructure.repositoryRoot.appending(path: "Examples/oakfield-learning-trust")

    struct Comparison {
        var school: String
        var handWritten: [PolicyClause]
        var found: [PolicyClause]
        var drafted: Int
        /// Drafted clauses that match some hand-written clause (behaviour and words).
        var draftedMatching: Int
        var audienceAgrees: Int
        var unplaced: Int
    }

    static func fold(_ text: String) -> String {
        ClauseRule.fold(text).split(whereSeparator: { $0 == " " || $0 == "*" }).joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: " .;:"))
    }

    static func sameWords(_ a: String, _ b: String) -> Bool {
        let (a, b) = (fold(a), fold(b))
        return !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a))
    }

    static func compare() throws -> [Comparison] {
        let trust = try TrustConfiguration.load(from: trustFolder)
        let drafter = PackDrafter(defaults: trust.defaultPack)
        return try trust.schoolPacks.sorted { $0.id < $1.id }.map { pack in
            let source = try #require(pack.source)
            let text = try String(contentsOf: trustFolder.appending(path: "policies/\(source)"), encoding: .utf8)
            let draft = drafter.draft(PolicyDocument(text: text), school: pack.school ?? pack.id, source: source)
            let drafted = draft.clauses.map(\.clause)
            var found: [PolicyClause] = []
            var audienceAgrees = 0
            for clause in pack.clauses {
                let matches = drafted.filter { $0.behaviour == clause.behaviour && sameWords($0.quote ?? "", clause.quote ?? "") }
                guard !matches.isEmpty else { continue }
                found.append(clause)
                if matches.contains(where: { Set($0.appliesTo) == Set(clause.appliesTo) }) { audienceAgrees += 1 }
            }
            let matching = drafted.filter { draftedClause in
                pack.clauses.contains { $0.behaviour == draftedClause.behaviour && sameWords($0.quote ?? "", draftedClause.quote ?? "") }
            }
            return Comparison(
                school: pack.school ?? pack.id, handWritten: pack.clauses, found: found, drafted: drafted.count,
                draftedMatching: matching.count, audienceAgrees: audienceAgrees, unplaced: draft.unplaced.count)
        }
    }

    @Test func findsFourFifthsOfEachPacksClausesWithTheRightBehaviour() throws {
        let comparisons = try Self.compare()
        #expect(comparisons.count == 5)
        var table = "\npack draft against the hand-written packs (a clause is found with its behaviour and words):\n"
        table += "| school | hand-written | found | recall | audience agrees | drafted | drafted matching | unplaced |\n"
        table += "|---|---|---|---|---|---|---|---|\n"
        for comparison in comparisons {
            table +=
                "| \(comparison.school) | \(comparison.handWritten.count) | \(comparison.found.count) | "
                + String(format: "%.2f", Double(comparison.found.count) / Double(comparison.handWritten.count))
                + " | \(comparison.audienceAgrees) | \(comparison.drafted) | \(comparison.draftedMatching) | \(comparison.unplaced) |\n"
        }
        let hand = comparisons.reduce(0) { $0 + $1.handWritten.count }
        let found = comparisons.reduce(0) { $0 + $1.found.count }
        let audiences = comparisons.reduce(0) { $0 + $1.audienceAgrees }
        table += "| all | \(hand) | \(found) | " + String(format: "%.2f", Double(found) / Double(hand)) + " | \(audiences) | | | |\n"
        for comparison in comparisons {
            for missed in comparison.handWritten where !comparison.found.contains(missed) {
                table += "  missed \(comparison.school) \(missed.id) (\(missed.behaviour.rawValue)): \(missed.quote ?? "")\n"
            }
        }
        print(table)
        for comparison in comparisons {
            #expect(
                Double(comparison.found.count) >= 0.8 * Double(comparison.handWritten.count),
                "\(comparison.school): \(comparison.found.count) of \(comparison.handWritten.count) clauses found")
        }
    }
}
