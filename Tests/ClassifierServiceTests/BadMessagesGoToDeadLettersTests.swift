import Foundation
import ParapetKafka
import ParapetModels
import TestSupport
import Testing

@Suite("Bad messages", .serialized)
struct BadMessagesGoToDeadLettersTests {
    @Test(
        "not JSON, an unknown schema, an unknown school, invalid UTF-8 and a 5 MB text each land in dead letters with the error; the service goes on")
    func badMessagesAreDeadLettered() async throws {
        let harness = try await ClassifierHarness.prepare()
        defer { harness.stop() }
        let classifier = try await harness.startClassifier()

        let good = ClassifierHarness.post("good", text: "See you all at the gates on Monday")
        let valid = String(decoding: try ClassifierHarness.message(ClassifierHarness.post("template", text: "PLACEHOLDER")).value, as: UTF8.self)
        func raw(_ key: String, _ value: [UInt8]) -> KafkaOutgoingMessage {
            KafkaOutgoingMessage(topic: ParapetTopic.posts.name, key: key, value: value, headers: [KafkaHeader(name: "traceparent", value: "00-x")])
        }
        let notJSON = raw("not-json", Array("this is not JSON {".utf8))
        let wrongSchema = raw("wrong-schema", Array(valid.replacingOccurrences(of: "parapet.post/1", with: "parapet.post/9").utf8))
        let unknownSchool = try ClassifierHarness.message(ClassifierHarness.post("nowhere", text: "Hello", school: "nowhere-high"))
        let invalidUTF8 = raw(
            "invalid-utf8",
            Array(valid.components(separatedBy: "PLACEHOLDER")[0].utf8) + [0x66, 0xFF, 0xFE, 0x6F]
                + Array(valid.components(separatedBy: "PLACEHOLDER")[1].utf8))
        let huge = try ClassifierHarness.message(
            ClassifierHarness.post("huge", text: String(repeating: "All work and no play. ", count: 5 * 1024 * 1024 / 22 + 1)))
        let bad = [notJSON, wrongSchema, unknownSchool, invalidUTF8, huge]
        try await harness.send(bad + [try ClassifierHarness.message(good)])

        #expect(try await harness.waitForVerdicts(1) == 1)
        let letters = try await harness.messages(on: .deadLetters, expected: bad.count, quiet: .seconds(5))
        #expect(letters.count == bad.count)
        let expectations: [(key: String, reason: String, error: String)] = [
            ("not-json", "malformed", "malformed envelope"),
            ("wrong-schema", "unknown_schema", "unknown schema \"parapet.post/9\""),
            (ClassifierHarness.parentsGroup.account, "unclassifiable", "no policy pack for school \"nowhere-high\""),
            ("invalid-utf8", "malformed", "not valid UTF-8"),
            (ClassifierHarness.parentsGroup.account, "unclassifiable", "the text is 5242"),
        ]
        for (sent, expected) in zip(bad, expectations) {
            let letter = letters.first { $0.value == sent.value }
            #expect(letter != nil, "\(expected.reason): dead-lettered")
            guard let letter else { continue }
            #expect(letter.keyString == expected.key, "the original key")
            #expect(letter.header("dead_letter.reason")?.stringValue == expected.reason)
            #expect(
                letter.header("dead_letter.error")?.stringValue?.contains(expected.error) == true,
                "\(letter.header("dead_letter.error")?.stringValue ?? "no error header")")
            #expect(letter.header("dead_letter.topic")?.stringValue == ParapetTopic.posts.name)
            #expect(letter.header("dead_letter.partition")?.stringValue.flatMap { Int32($0) } != nil)
            #expect(letter.header("dead_letter.offset")?.stringValue.flatMap { Int64($0) } != nil)
            #expect(letter.header("dead_letter.consumer")?.stringValue == "parapet-classifier")
        }
        #expect(letters.first { $0.keyString == "not-json" }?.header("traceparent")?.stringValue == "00-x", "original headers are kept")
        #expect(try await harness.metric("parapet_classifier_dead_letters_total") == Double(bad.count))

        // Still consuming after all of that.
        try await harness.publish([ClassifierHarness.post("after", text: "One more ordinary post")])
        #expect(try await harness.waitForVerdicts(2) == 2)
        let (status, output) = await harness.stop(classifier)
        #expect(status == 0, "\(output)")
        #expect(!output.contains("All work and no play"), "logs never carry a post's text")
    }
}
