import Foundation
import TestSupport
import Testing

@Suite("Bulk import", .serialized)
struct ImportKeepsWhatCameBeforeTests {
    static func lines(_ range: Range<Int>, prefix: String, bad: Int? = nil) -> String {
        range.map { index in
            let time = index == bad ? "yesterday" : "2026-06-01T10:00:00Z"
            return
                #"{"account":"sw-forum","external_id":"\#(prefix)-\#(index)","author":{"handle":"parent\#(index % 7)"},"text":"Post \#(index) about the fair","created_at":"\#(time)"}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test("an import stores every line once, a second run finds only duplicates, and a bad line stops it keeping every line before")
    func importRuns() async throws {
        let harness = try await IngestHarness.prepare()
        defer { harness.stop() }
        let parapet = IngestHarness.executable("parapet")
        let file = harness.infrastructure.directory.appending(path: "posts.jsonl")
        try Self.lines(0..<1200, prefix: "a").write(to: file, atomically: true, encoding: .utf8)

        let first = try ChildProcess.start([parapet, "import", file.path, "--batch", "500"], environment: harness.environment)
        let (status, output) = await first.wait()
        #expect(status == 0, "\(output)")
        #expect(output.contains("1200 posts: 1200 new, 0 revised, 0 duplicates"))
        let again = try ChildProcess.start([parapet, "import", file.path, "--batch", "500"], environment: harness.environment)
        let (againStatus, againOutput) = await again.wait()
        #expect(againStatus == 0)
        #expect(againOutput.contains("1200 posts: 0 new, 0 revised, 1200 duplicates"))
        #expect(try await harness.storedCounts().posts == 1200)

        let broken = harness.infrastructure.directory.appending(path: "broken.jsonl")
        try Self.lines(0..<1000, prefix: "b", bad: 700).write(to: broken, atomically: true, encoding: .utf8)
        let stopped = try ChildProcess.start([parapet, "import", broken.path, "--batch", "500"], environment: harness.environment)
        let (stoppedStatus, stoppedOutput) = await stopped.wait()
        #expect(stoppedStatus == 65)
        // Line 701 holds index 700.
        #expect(stoppedOutput.contains("broken.jsonl:701: created_at: \"yesterday\" is not an ISO 8601 time"), "\(stoppedOutput)")
        #expect(try await harness.storedCounts().posts == 1200 + 700)
        let messages = try await harness.publishedPosts(expected: 1200 * 2 + 700, quiet: .seconds(3))
        #expect(messages.count == 1200 * 2 + 700, "every stored post is published, duplicates again under the same envelope id")
    }
}
