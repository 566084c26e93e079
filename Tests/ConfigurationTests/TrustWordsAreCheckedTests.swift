import Foundation
import ParapetModels
import ParapetTrustConfiguration
import Testing

/// A trust's own words in `trust.yaml` and a school's other names in `schools.yaml`: read,
/// stored whole, and refused with the file, line and field when they cannot be used.
@Suite("Trust words")
struct TrustWordsAreCheckedTests {
    static let words = """
        timezone: Europe/London
        words:
          abusive_language:
            words: [bampot, "absolute weapon"]
            harmless: ["Sluts Hole Lane"]
          safeguarding_extremism:
            words: [remigration now]
        """

    @Test("words by behaviour and other school names are read and survive storing")
    func read() throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ExampleTrust.edit(folder, "trust.yaml", matching: "timezone: Europe/London", with: Self.words)
        _ = try ExampleTrust.edit(
            folder, "schools.yaml", matching: "website: https://stokeswood.example.sch.uk",
            with: "website: https://stokeswood.example.sch.uk\n    also_known_as: [Stokesy]")
        let configuration = try TrustConfiguration.load(from: folder)
        #expect(
            configuration.trust.words == [
                TrustWords(behaviour: .abusiveLanguage, words: ["bampot", "absolute weapon"], harmless: ["Sluts Hole Lane"]),
                TrustWords(behaviour: .safeguardingExtremism, words: ["remigration now"]),
            ])
        #expect(configuration.schools.first { $0.id == "stokes-wood" }?.alsoKnownAs == ["Stokesy"])
        #expect(try ParapetJSON.decode(Trust.self, from: ParapetJSON.encode(configuration.trust)) == configuration.trust)
        let school = try #require(configuration.schools.first { $0.id == "stokes-wood" })
        #expect(try ParapetJSON.decode(School.self, from: ParapetJSON.encode(school)) == school)
    }

    @Test(
        "unusable words are refused with the file, line and field named",
        arguments: [
            ("words:\n  bullying:\n    words: [x]", "words.bullying", "unknown field"),
            ("words:\n  abusive_language:\n    words: [\"!!!\"]", "words.abusive_language.words[0]", "has no letter or digit"),
            ("words:\n  abusive_language:\n    words: [bampot, Bampot]", "words.abusive_language.words[1]", "is listed twice"),
            ("words:\n  abusive_language: {}", "words.abusive_language", "gives no words"),
            ("words:\n  safeguarding_extremism:\n    harmless: [history lesson]", "words.safeguarding_extremism.harmless", "takes no harmless"),
            ("words:\n  hate_speech:\n    words: [\"\(String(repeating: "long ", count: 20))\"]", "words.hate_speech.words[0]", "longer than 80"),
        ])
    func refused(_ section: String, field: String, message: String) throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = try ExampleTrust.edit(folder, "trust.yaml", matching: "timezone: Europe/London", with: "timezone: Europe/London\n" + section)
        do {
            _ = try TrustConfiguration.load(from: folder)
            Issue.record("the words loaded")
        } catch {
            let problem = try #require(error.problems.first)
            #expect(error.problems.count == 1, "\(error.problems)")
            #expect(problem.file == "trust.yaml")
            #expect(problem.field == field, "\(problem)")
            #expect(problem.message.contains(message), "\(problem)")
            #expect((problem.line ?? 0) > line, "\(problem)")
        }
    }
}
