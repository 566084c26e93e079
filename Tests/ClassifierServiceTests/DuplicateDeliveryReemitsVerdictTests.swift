import Foundation
import ParapetKafka
import ParapetModels
import TestSupport
import Testing

@Suite("Duplicate deliveries", .serialized)
struct DuplicateDeliveryReemitsVerdictTests {
    @Test("the same message delivered twice gives one verdict row, and the stored verdict is published again")
    func duplicateIsReemitted() async throws {
        let harness = try await ClassifierHarness.prepare()
        defer { harness.stop() }
        let classifier = try await harness.startClassifier()

        let post = ClassifierHarness.post("twice", text: "Mr Bennett is a useless idiot and should be sacked")
        try await harness.publish([post])
        #expect(try await harness.waitForVerdicts(1) == 1)
        // Later, and then twice more in one batch: as a producer's retry or a replay would.
        try await Task.sleep(for: .milliseconds(500))
        try await harness.publish([post])
        try await harness.publish([post, post])
        let published = try await harness.publishedVerdicts(expected: 3, quiet: .seconds(5))

        let rows = try await harness.storedVerdicts()
        #expect(rows.count == 1)
        #expect(try await harness.markers() == 1)
        #expect(published.count >= 2, "the first publish, and at least one re-emit of the stored verdict")
        #expect(Set(published.map(\.envelope.id)) == [rows[0].id], "every copy carries the verdict's id")
        let first = published[0].envelope
        for (_, envelope) in published {
            // The stored verdict, not a new judgement: same time, same breaches.
            #expect(envelope.payload == first.payload)
            #expect(envelope.occurredAt == first.occurredAt)
        }
        #expect(try await harness.metric("parapet_classifier_duplicates_total") == 3)
        #expect(try await harness.metric("parapet_classifier_posts_classified_total") == 1)
        _ = await harness.stop(classifier)
    }
}
