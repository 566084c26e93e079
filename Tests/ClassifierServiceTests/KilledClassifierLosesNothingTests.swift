import Foundation
import ParapetKafka
import ParapetModels
import TestSupport
import Testing

@Suite("Crashing classifier", .serialized)
struct KilledClassifierLosesNothingTests {
    @Test("SIGKILL in the middle of 4,000 post revisions: after a restart, exactly one verdict row per revision and every verdict published")
    func killMidStream() async throws {
        // Small batches, so the kill lands between many of them.
        let harness = try await ClassifierHarness.prepare(settings: ["PARAPET_CLASSIFIER_BATCH_SIZE": "100"])
        defer { harness.stop() }
        let texts = [
            "Lovely assembly this morning, well done Year 4", "The head is a lying bitch and everyone knows it",
            "Does anyone know when the uniform shop opens?", "This school is a fucking disgrace",
        ]
        var posts: [Post] = []
        for index in 0..<3_600 {
            posts.append(ClassifierHarness.post("crash-\(index)", text: texts[index % texts.count] + " #\(index)", handle: "parent\(index % 97)"))
        }
        // Some posts edited: each revision gets a verdict of its own.
        for index in stride(from: 0, to: 400, by: 1) {
            posts.append(
                ClassifierHarness.post(
                    "crash-\(index)", text: "Edited: \(texts[(index + 1) % texts.count])", handle: "parent\(index % 97)", revision: 2))
        }
        let total = posts.count
        // The stream arrives in two parts and the kill comes while only the first is on the
        // topic, so it lands mid-stream however fast or slow the machine is.
        let firstPart = 3_000
        try await harness.publish(Array(posts[..<firstPart]))

        var classifier = try await harness.startClassifier()
        let atKill = try await harness.waitForVerdicts(800)
        classifier.send(SIGKILL)
        _ = await classifier.wait()
        let storedAtKill = try await harness.storedVerdicts().count
        try await harness.publish(Array(posts[firstPart...]))
        classifier = try await harness.startClassifier()
        #expect(try await harness.waitForVerdicts(total, timeout: .seconds(180)) == total)
        // Let anything re-delivered after the restart settle before counting.
        try await Task.sleep(for: .seconds(2))
        let (status, output) = await harness.stop(classifier)
        #expect(status == 0, "\(output)")

        #expect(atKill >= 800 && storedAtKill <= firstPart, "the kill happened mid-stream")
        let rows = try await harness.storedVerdicts()
        #expect(rows.count == total)
        #expect(Set(rows.map { "\($0.postID):\($0.revision)" }).count == total, "exactly one verdict per post revision")

        // The topic holds every verdict at least once. It may hold some twice: those of the
        // batches stored but not yet acknowledged (or whose offsets were not yet committed)
        // when the process died, published again, by the same verdict id, after the restart.
        // Escalation drops the repeats by verdict id.
        let published = try await harness.publishedVerdicts(expected: nil, quiet: .seconds(5))
        let publishedIDs = Set(published.map(\.envelope.id))
        #expect(publishedIDs == Set(rows.map(\.id)), "every stored verdict is on the topic")
        #expect(published.allSatisfy { $0.envelope.id == $0.envelope.payload.id })
        print(
            "classifier killed with \(storedAtKill) of \(total) verdicts stored; parapet.verdicts holds \(published.count) messages for \(total) verdicts (\(published.count - publishedIDs.count) repeats)"
        )
    }
}
