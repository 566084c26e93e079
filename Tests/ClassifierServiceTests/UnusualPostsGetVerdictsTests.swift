import Foundation
import ParapetModels
import TestSupport
import Testing

@Suite("Unusual posts", .serialized)
struct UnusualPostsGetVerdictsTests {
    @Test("an emoji-only post, an empty post and a 1 MB post each get a verdict")
    func unusualPostsAreClassified() async throws {
        let harness = try await ClassifierHarness.prepare()
        defer { harness.stop() }
        let classifier = try await harness.startClassifier()

        var words: [String] = []
        var generator = SplitMix64(seed: 5)
        let vocabulary = ["school", "gates", "café", "naïve", "👍🏽", "homework", "Year", "6", "trip", "\"quoted\"", "tab\there", "line\nbreak", "👩‍👩‍👧"]
        var length = 0
        while length < 1 << 20 {
            let word = vocabulary.randomElement(using: &generator)!
            words.append(word)
            length += word.utf8.count + 1
        }
        let posts = [
            ClassifierHarness.post("emoji", text: "😀🎉👍🏽🏫❤️‍🔥🇬🇧"),
            ClassifierHarness.post("empty", text: ""),
            ClassifierHarness.post("megabyte", text: words.joined(separator: " ")),
            ClassifierHarness.post("mixed-script", text: "Ѕсhооl іs grеаt (Cyrillic look-alikes) and zero\u{200B}width"),
        ]
        try await harness.publish(posts)
        #expect(try await harness.waitForVerdicts(posts.count) == posts.count)
        let rows = try await harness.storedVerdicts()
        #expect(Set(rows.map(\.postID)) == Set(posts.map(\.id)))
        let published = try await harness.publishedVerdicts(expected: posts.count)
        #expect(Set(published.map(\.envelope.payload.postID)) == Set(posts.map(\.id)))
        #expect(rows.first { $0.postID == posts[1].id }?.breaches == 0, "an empty post breaks nothing")
        #expect(try await harness.metric("parapet_classifier_dead_letters_total") == 0)
        let (status, output) = await harness.stop(classifier)
        #expect(status == 0, "\(output)")
    }
}
