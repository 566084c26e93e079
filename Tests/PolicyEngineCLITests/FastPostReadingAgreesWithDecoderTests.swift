import Foundation
import ParapetModels
import TestSupport
import Testing

@testable import parapet

/// `parapet classify --jsonl` reads posts with ``ClassifyPostInputReader`` for speed; it must
/// give exactly what `JSONDecoder` gives, or give up and leave the line to it.
@Suite("Fast post reading agrees with JSONDecoder")
struct FastPostReadingAgreesWithDecoderTests {
    static let corpus = LocalInfrastructure.repositoryRoot.appending(path: "Tests/PolicyEngineTests/Corpus")

    static func decoded(_ line: String) -> ClassifyPostInput? {
        try? ParapetJSON.makeDecoder().decode(ClassifyPostInput.self, from: Data(line.utf8))
    }

    static func fast(_ line: String) -> ClassifyPostInput? {
        Array(line.utf8).withUnsafeBufferPointer { ClassifyPostInputReader.read($0) }
    }

    static func corpusLines() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".jsonl") }.sorted().flatMap {
            try String(contentsOf: corpus.appending(path: $0), encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    @Test("every labelled corpus line is read by the fast path, to the decoder's value")
    func corpusLinesAgree() throws {
        let lines = try Self.corpusLines()
        #expect(lines.count > 1000)
        for line in lines {
            let fast = Self.fast(line)
            #expect(fast != nil, "the fast path gave up on \(line)")
            #expect(fast == Self.decoded(line), "\(line)")
        }
    }

    @Test("on altered lines the fast path either gives up or agrees with the decoder")
    func alteredLinesAgree() throws {
        var generator = SplitMix64(seed: 15)
        let edits: [(String, String)] = [
            ("\"author\": {", "\"author\": \"just.a.handle\", \"a\": {"), ("\"kind\": \"", "\"kind\": \"staf"),
            ("\"kind\": ", "\"kind\": null, \"k\": "),
            ("\"media\": [", "\"media\": null, \"m\": ["), ("\"reply_to\": null", "\"reply_to\": \"r1\""), ("\"reply_to\": null", "\"reply_to\": 7"),
            ("\"id\": \"", "\"id\": 42, \"i\": \""), ("\"id\": \"", "\"id\": 4.5, \"i\": \""), ("\"id\": \"", "\"id\": true, \"i\": \""),
            ("\"text\": \"", "\"text\": \"\\u00e9\\ud83d\\ude00\\/"), ("\"text\": \"", "\"text\": \"\\ud83d"),
            ("\"text\": ", "\"text\": null, \"t\": "),
            ("{", "{\"extra\": {\"nested\": [1, 2.5e3, true, null, \"s\"]}, "), ("\"school\": ", "\"school\": null, \"s\": "),
            ("\"school\": \"", "\"school\": \"x"), ("\"handle\": ", "\"h\\u0061ndle\": "), ("\"text\": ", "\"te\\u0078t\": "),
            ("\"text\": ", "\"text\": \"first\", \"text\": "), ("\"type\": \"image\"", "\"type\": \"photo\""),
            ("\"type\": \"image\"", "\"type\": \"gif\""),
            ("\"tagged\": ", "\"tagged_people\": null, \"tagged\": "), ("\"alt_text\": ", "\"url\": \"https://cdn.example/a.jpg\", \"alt_text\": "),
            ("\"alt_text\": ", "\"url\": \"\", \"alt_text\": "), (": ", " : "), ("}", " }\n"), ("\"breaks\": [", "\"breaks\": [{\"deep\": [[[]]]}, "),
        ]
        let lines = try Self.corpusLines()
        var fastAccepted = 0
        for round in 0..<4_000 {
            var line = lines.randomElement(using: &generator)!
            for _ in 0...(round % 3) {
                let (from, to) = edits.randomElement(using: &generator)!
                guard let range = line.ranges(of: from).randomElement(using: &generator) else { continue }
                line.replaceSubrange(range, with: to)
            }
            guard let fast = Self.fast(line) else { continue }
            fastAccepted += 1
            guard let reference = Self.decoded(line) else {
                Issue.record("the fast path read what the decoder refuses: \(line)")
                continue
            }
            #expect(fast == reference, "\(line)")
        }
        #expect(fastAccepted > 1000, "the fast path still reads most harmless variations")
    }
}
