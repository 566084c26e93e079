import Foundation
import TestSupport
import Testing

/// On the labelled corpus, the engine tells offensive posts from the rest better than two
/// off-the-shelf filters from PyPI (better-profanity's word list and alt-profanity-check's
/// linear model, installed by `scripts/setup`): higher F1, and no more false alarms than either.
@Suite("The engine beats plain profanity filters")
struct EngineBeatsProfanityFiltersTests {
    static let root = LocalInfrastructure.repositoryRoot
    static let python = root.appending(path: ".tools/venv/bin/python").path
    static let script = root.appending(path: "Benchmarks/baselines/offensive_baselines.py").path
    static let corpus = root.appending(path: "Tests/PolicyEngineTests/Corpus").path

    static func run(_ arguments: [String], stdin: String? = nil) async throws -> (status: Int32, output: String) {
        let command = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = try ChildProcess.start(["/bin/sh", "-c", "exec \(command)\(stdin.map { " <'\($0)'" } ?? "") 2>&1"], environment: [:])
        return await process.wait()
    }

    @Test("higher F1 than better-profanity and alt-profanity-check, with no more false alarms")
    func engineIsAhead() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "parapet-baselines-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let posts = folder.appending(path: "posts.jsonl").path
        let verdicts = folder.appending(path: "verdicts.jsonl").path
        let report = folder.appending(path: "report.json").path
        let written = try await Self.run([Self.python, Self.script, Self.corpus, "--write-posts", posts])
        try #require(written.status == 0, "\(written.output)")
        let classify = try await Self.run(
            [
                "/bin/sh", "-c", "exec \"$0\" classify --trust \"$1\" --jsonl --decided-at 2026-10-26T07:33:20Z > \"$2\"", ClassifyCLI.parapet,
                ClassifyCLI.exampleTrust, verdicts,
            ], stdin: posts)
        try #require(classify.status == 0, "\(classify.output)")
        let compared = try await Self.run([Self.python, Self.script, Self.corpus, verdicts, "--json", report])
        print(compared.output)
        try #require(compared.status == 0, "\(compared.output)")

        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let results = try #require(document["results"] as? [String: [String: Double]])
        let engine = try #require(results.first { $0.key.hasPrefix("engine") }?.value)
        let others = results.filter { !$0.key.hasPrefix("engine") }
        try #require(others.count == 2, "both libraries measured: \(results.keys.sorted())")
        for (name, other) in others {
            #expect(engine["f1"]! > other["f1"]!, "F1 \(engine["f1"]!) against \(name)'s \(other["f1"]!)")
            #expect(engine["fp"]! <= other["fp"]!, "\(engine["fp"]!) false alarms against \(name)'s \(other["fp"]!)")
        }
    }
}
