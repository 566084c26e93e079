import Foundation
import ParapetModels
import ParapetTrustConfiguration
import Testing

/// Each broken file fails with a problem naming its file, line and field.
@Suite("Broken configuration files")
struct BrokenFilesAreRejectedTests {
    /// Loads `folder`, expecting failure, and returns the problems.
    func problems(_ folder: URL) throws -> [ConfigurationProblem] {
        do {
            _ = try TrustConfiguration.load(from: folder)
            Issue.record("the broken folder loaded")
            return []
        } catch {
            return error.problems
        }
    }

    @Test("an account naming an unknown school")
    func unknownSchoolInAccount() throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = try ExampleTrust.edit(folder, "accounts.yaml", matching: "school: stour-provost", with: "school: stour-provust")
        let found = try problems(folder)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.file == "accounts.yaml")
        #expect(problem.line == line)
        #expect(problem.field.hasPrefix("accounts[") && problem.field.hasSuffix("].school"))
        #expect(problem.message.hasPrefix(#"unknown school "stour-provust""#))
    }

    @Test("a duplicate pupil id")
    func duplicatePupilID() throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try ExampleTrust.match(folder, "roster/levens-ce.yaml", #"- id: [a-z0-9-]+"#)
        let line = try ExampleTrust.edit(folder, "roster/levens-ce.yaml", matching: #"- id: [a-z0-9-]+"#, occurrence: 1, with: first)
        let found = try problems(folder)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.file == "roster/levens-ce.yaml")
        #expect(problem.line == line)
        #expect(problem.field == "pupils[1].id")
        #expect(problem.message.hasPrefix("duplicate person id \"\(first.dropFirst(6))\" (first used at roster/levens-ce.yaml:"))
    }

    @Test("a contact without an email")
    func contactWithoutEmail() throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ExampleTrust.edit(folder, "contacts.yaml", matching: #"\n *email: [^\n]+"#, with: "")
        let found = try problems(folder)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.file == "contacts.yaml")
        #expect(problem.line != nil)
        #expect(problem.field == "contacts[0].email")
        #expect(problem.message == "is missing")
    }

    @Test("a clause with an unknown behaviour")
    func unknownBehaviour() throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = try ExampleTrust.edit(folder, "packs/levens-ce.yaml", matching: "behaviour: [a-z_]+", with: "behaviour: rudeness")
        let found = try problems(folder)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.file == "packs/levens-ce.yaml")
        #expect(problem.line == line)
        #expect(problem.field == "clauses[0].behaviour")
        #expect(problem.message.hasPrefix(#""rudeness" is not one of naming_pupils, pupil_full_name"#))
    }

    @Test("procedure words on a step no clause of the school climbs")
    func procedureStepNotClimbed() throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Trimley St Martin's ladders (and the default's) never reach a meeting with the head.
        let line = try ExampleTrust.edit(
            folder, "packs/trimley-st-martin.yaml", matching: "  discuss_with_parent: ", with: "  meeting_with_headteacher: ")
        let found = try problems(folder)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.file == "packs/trimley-st-martin.yaml")
        #expect(problem.line == line)
        #expect(problem.field == "procedure.meeting_with_headteacher")
        #expect(problem.message == "no clause's ladder has the step meeting_with_headteacher")
    }

    @Test("a file that is not valid YAML")
    func badYAML() throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = try ExampleTrust.edit(folder, "schools.yaml", matching: "name: ", with: "name: [unclosed ")
        let found = try problems(folder)
        let problem = try #require(found.first { $0.file == "schools.yaml" })
        #expect(problem.message.hasPrefix("invalid YAML: "))
        let reported = try #require(problem.line)
        #expect(reported >= line && reported <= line + 2, "reported line \(reported), edited line \(line)")
    }

    @Test("a roster row with a date that does not exist")
    func invalidDate() throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = try ExampleTrust.edit(folder, "roster/stour-provost.yaml", matching: #"date_of_birth: [^\n]+"#, with: "date_of_birth: 2016-02-30")
        let found = try problems(folder)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.file == "roster/stour-provost.yaml")
        #expect(problem.line == line)
        #expect(problem.field.hasPrefix("pupils[") && problem.field.hasSuffix("].date_of_birth"))
        #expect(problem.message == #""2016-02-30" is not a date (expected YYYY-MM-DD)"#)
    }

    @Test("an unknown field is reported, so a typo cannot silently drop a rule")
    func unknownField() throws {
        let folder = try ExampleTrust.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = try ExampleTrust.edit(folder, "packs/dauvergne.yaml", matching: "severity: ", with: "severty: ")
        let found = try problems(folder)
        #expect(found.contains { $0.file == "packs/dauvergne.yaml" && $0.line == line && $0.message.hasPrefix("unknown field") })
        #expect(found.contains { $0.file == "packs/dauvergne.yaml" && $0.field.hasSuffix(".severity") && $0.message == "is missing" })
    }
}
