import Foundation
import ParapetKafka
import ParapetModels
import TestSupport
import Testing

@Suite("Posts become verdicts", .serialized)
struct PostsBecomeVerdictsTests {
    @Test("each post revision becomes one verdict row and one message on parapet.verdicts; benign posts get empty verdicts; removed posts none")
    func postsBecomeVerdicts() async throws {
        let harness = try await ClassifierHarness.prepare()
        defer { harness.stop() }
        let classifier = try await harness.startClassifier()

        let benign = (0..<10).map { ClassifierHarness.post("benign-\($0)", text: "Thanks to the PTA for a lovely summer fair, number \($0)!") }
        let abusive = (0..<5).map {
            ClassifierHarness.post("abusive-\($0)", text: "The new parking rules are a fucking joke, \($0) days of this", handle: "angry.dad\($0)")
        }
        let edited = ClassifierHarness.post("edited", text: "What a shit school this is", revision: 2)
        let firstRevision = ClassifierHarness.post("edited", text: "What a school this is")
        let removed = ClassifierHarness.post("removed", text: "Something later taken down", removed: true)
        try await harness.publish(benign + abusive + [firstRevision, edited, removed])
        let replayed = ClassifierHarness.post("replayed", text: "An old post an operator replayed")
        try await harness.publish([replayed], replay: true)

        let expected = benign.count + abusive.count + 3
        #expect(try await harness.waitForVerdicts(expected) == expected)
        let rows = try await harness.storedVerdicts()
        #expect(rows.count == expected)
        #expect(Set(rows.map { "\($0.postID):\($0.revision)" }).count == expected, "one row per post revision")
        #expect(!rows.contains { $0.postID == removed.id }, "a removed post is not classified")
        for post in benign {
            let row = rows.first { $0.postID == post.id }
            #expect(row?.breaches == 0 && row?.severity == nil, "a benign post gets an empty verdict")
        }
        for post in abusive + [edited] {
            let row = rows.first { $0.postID == post.id && $0.revision == post.revision }
            #expect((row?.breaches ?? 0) > 0 && row?.severity != nil, "\(post.text)")
        }
        #expect(try await harness.markers() == expected + 1, "every message, the removed post's too, is marked processed")

        let published = try await harness.publishedVerdicts(expected: expected)
        #expect(published.count == expected)
        #expect(Set(published.map(\.envelope.id)) == Set(rows.map(\.id)), "the envelope id is the verdict id")
        for (message, envelope) in published {
            let verdict = envelope.payload
            #expect(envelope.id == verdict.id)
            #expect(message.keyString == "\(verdict.school)/\(verdict.authorKey)")
            #expect(message.keyString == verdict.partitionKey)
            #expect(message.header("schema")?.stringValue == "parapet.verdict/2")
            #expect(message.header("traceparent")?.stringValue?.count == 55)
            #expect(envelope.trust == ClassifierHarness.trust && envelope.school == verdict.school)
            let isReplay = verdict.postID == replayed.id
            #expect((message.header("replay")?.stringValue == "true") == isReplay, "replay is carried through, and only then")
        }
        #expect(
            published.first { $0.envelope.payload.postID == abusive[0].id }?.envelope.payload.breaches.contains { $0.behaviour == .abusiveLanguage }
                == true)

        #expect(try await harness.metric("parapet_classifier_posts_classified_total") == Double(expected))
        #expect(
            try await harness.metric("parapet_classifier_verdicts_total{severity=\"benign\"}") == Double(rows.filter { $0.severity == nil }.count))
        #expect(try await harness.metric("parapet_classifier_removed_total") == 1)
        let (status, output) = await harness.stop(classifier)
        #expect(status == 0, "\(output)")
    }
}
