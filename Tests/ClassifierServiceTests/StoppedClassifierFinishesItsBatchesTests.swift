import Foundation
import ParapetKafka
import ParapetModels
import TestSupport
import Testing

@Suite("Stopping the classifier", .serialized)
struct StoppedClassifierFinishesItsBatchesTests {
    @Test("SIGTERM in the middle of a stream: the batches in hand are finished, the process exits 0, and a restart picks up the rest")
    func sigtermMidStream() async throws {
        let harness = try await ClassifierHarness.prepare(settings: ["PARAPET_CLASSIFIER_BATCH_SIZE": "200"])
        defer { harness.stop() }
        let total = 3_000
        let posts = (0..<total).map {
            ClassifierHarness.post("stop-\($0)", text: $0 % 3 == 0 ? "What a fucking shambles, post \($0)" : "See you at pick-up, post \($0)")
        }
        // The stream arrives in two parts and the stop comes while only the first is on the
        // topic, so it is mid-stream however fast or slow the machine is.
        let firstPart = 2_000
        try await harness.publish(Array(posts[..<firstPart]))
        var classifier = try await harness.startClassifier()
        let atStop = try await harness.waitForVerdicts(400)
        let (status, output) = await harness.stop(classifier)
        #expect(status == 0, "a graceful stop, even with batches in hand: \(output)")
        #expect(!output.contains("\"level\":\"error\""), "\(output)")
        let stored = try await harness.storedVerdicts().count
        #expect(stored >= atStop && stored <= firstPart, "stopped mid-stream")
        try await harness.publish(Array(posts[firstPart...]))

        classifier = try await harness.startClassifier()
        #expect(try await harness.waitForVerdicts(total) == total)
        _ = await harness.stop(classifier)
        let published = try await harness.publishedVerdicts(expected: nil, quiet: .seconds(5))
        #expect(Set(published.map(\.envelope.id)).count == total)
        // A graceful stop commits what it finished: nothing is published twice.
        #expect(published.count == total, "\(published.count) messages for \(total) verdicts")
    }
}
