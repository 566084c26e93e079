import Foundation
import TestSupport
import Testing

/// `parapet pack draft` as a policy author runs it: a policy file in, a pack out, and clear
/// errors for a missing file, an unknown school and a file that is not text.
@Suite("parapet pack draft writes a pack from a policy") struct PackDraftCommandTests {
    static let policy = "\(ClassifyCLI.exampleTrust)/policies/stour-provost-parent-letter.txt"

    @Test("a seed policy's draft goes to standard output, quoting the policy")
    func draftsToStandardOutput() async throws {
        let result = try await ClassifyCLI.run(command: [
            "pack", "draft", Self.policy, "--school", "stour-provost", "--trust", ClassifyCLI.exampleTrust,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("id: stour-provost\nschool: stour-provost\nextends: default\n"))
        #expect(result.stdout.contains("quote: \"Never include children's full names (even your own children's).\"\n    behaviour: pupil_full_name"))
        #expect(result.stdout.contains("# Sentences that read as rules but name no behaviour"))
    }

    @Test("with -o the draft is written to the file and a count to standard error")
    func draftsToAFile() async throws {
        let output = FileManager.default.temporaryDirectory.appending(path: "draft-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try await ClassifyCLI.run(
            command: ["pack", "draft", Self.policy, "--school", "stour-provost", "--trust", ClassifyCLI.exampleTrust, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("clauses and"))
        #expect(try String(contentsOf: output, encoding: .utf8).contains("behaviour: pupil_full_name"))
    }

    @Test("a missing file, an unknown school and a binary file each say what is wrong")
    func badInputIsNamed() async throws {
        let missing = try await ClassifyCLI.run(command: [
            "pack", "draft", "/nonexistent/policy.txt", "--school", "stour-provost", "--trust", ClassifyCLI.exampleTrust,
        ])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot read the policy /nonexistent/policy.txt"))
        let unknown = try await ClassifyCLI.run(command: ["pack", "draft", Self.policy, "--school", "nowhere", "--trust", ClassifyCLI.exampleTrust])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no school \"nowhere\""))
        let binary = FileManager.default.temporaryDirectory.appending(path: "policy-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: binary) }
        try Data([0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0x00, 0xC3]).write(to: binary)
        let notText = try await ClassifyCLI.run(command: [
            "pack", "draft", binary.path, "--school", "stour-provost", "--trust", ClassifyCLI.exampleTrust,
        ])
        #expect(notText.status == 65)
        #expect(notText.stderr.contains("is not UTF-8 text"))
    }
}
