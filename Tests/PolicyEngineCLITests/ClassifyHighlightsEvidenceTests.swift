import Foundation
import Testing

/// A policy author types a post and sees the clause it breaks, the policy's words, and the
/// words that broke it marked in the text.
@Suite("parapet classify shows the verdict with its evidence marked")
struct ClassifyHighlightsEvidenceTests {
    /// The `[[…]]` stretches of the report's text section.
    static func marked(in report: String) -> [String] {
        guard let text = report.components(separatedBy: "\ntext:\n").last else { return [] }
        return text.components(separatedBy: "[[").dropFirst().compactMap { $0.components(separatedBy: "]]").first }
    }

    @Test("text as an argument: the clause, the policy's words, the evidence in [[brackets]]")
    func textArgument() async throws {
        let result = try await ClassifyCLI.run(["--school", "stokes-wood", "You are a fucking idiot, sort it out"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("sw-abusive-comments — abusive_language, medium"), "\(result.stdout)")
        #expect(result.stdout.contains("policy: \"Social media/internet sites should not be used to name individuals and make abusive comments"))
        #expect(result.stdout.contains("ruleset  parapet-rules/"))
        #expect(result.stdout.contains("pack     stokes-wood version 0"))
        #expect(result.stdout.contains("account  sw-parents-facebook-group"))
        let marks = Self.marked(in: result.stdout)
        #expect(marks.contains { $0.lowercased().contains("fuck") }, "marked: \(marks)")
        #expect(!result.stdout.contains("\u{1B}["), "no colour when standard output is not a terminal")
    }

    @Test("text on standard input, and a benign post says so")
    func standardInput() async throws {
        let result = try await ClassifyCLI.run([], stdin: "Well done to the Year 6 football team, brilliant result on Saturday!\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("No clause broken"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("  Well done to the Year 6 football team, brilliant result on Saturday!\n"))
        #expect(Self.marked(in: result.stdout).isEmpty)
    }

    @Test("--json: evidence in an attachment's alt text is marked there")
    func jsonPost() async throws {
        let post = #"""
            {"text": "What a load of shit 😡", "school": "stour-provost", "author": {"handle": "dave.p", "kind": "parent"},
             "media": [{"type": "image", "alt_text": "the whole class at sports day", "tagged_people": []}]}
            """#
        let result = try await ClassifyCLI.run(["--json", post])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("author   dave.p (parent)"))
        #expect(result.stdout.contains("abusive_language"), "\(result.stdout)")
        #expect(result.stdout.contains("attachment 0 (image) alt text:"))
        #expect(Self.marked(in: result.stdout).contains { $0.lowercased().contains("shit") })
    }

    @Test("a JSON post without text is one line on stderr and exit 65")
    func jsonWithoutText() async throws {
        let result = try await ClassifyCLI.run(["--json", #"{"school": "stour-provost"}"#])
        #expect(result.status == 65)
        #expect(result.stderr == "parapet: no \"text\": a post needs its text (a string)\n")
        #expect(result.stdout.isEmpty)
    }
}
