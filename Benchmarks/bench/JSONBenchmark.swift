import Foundation
import ParapetClassification
import ParapetModels

/// The fast JSON path against Foundation's coders on the classifier's own messages: reading
/// `parapet.post/1` envelopes (``PostEnvelopeReader`` beside `IncomingEvent`, which decodes with
/// `JSONDecoder`), and writing post and verdict envelopes (``PostJSONWriter`` and
/// ``VerdictJSONWriter`` beside `JSONEncoder` in ParapetJSON's dialect). The reason the fast
/// path exists, re-measured: each pair gives the same values and bytes (checked here too).
enum JSONBenchmark {
    static func run(messages: Int) throws -> JSONBenchmarkResult {
        var random = BenchmarkRandom(seed: 7)
        let words = ["the", "head", "Mrs", "Green", "school", "trip", "is", "a", "great", "disgrace", "😡", "café", "\"quoted\"", "line\nbreak"]
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let posts: [Envelope<Post>] = (0..<messages).map { index in
            let text = (0..<(8 + random.below(40))).map { _ in random.pick(words) }.joined(separator: " ")
            let created = start.addingTimeInterval(Double(index))
            let post = Post(
                id: UUID(), trust: "oakfield", school: "stour-provost", account: "sp-parents-facebook-group", platform: .facebook,
                externalID: "\(100_000_000 + index)", author: PostAuthor(handle: "parent.\(random.below(500))", kind: .parent),
                text: text,
                media: random.below(4) == 0
                    ? [MediaAttachment(url: URL(string: "https://cdn.example/\(index).jpg")!, type: .image, altText: "sports day")] : [],
                createdAt: created, receivedAt: created.addingTimeInterval(1.5))
            return Envelope(id: UUID(), trust: post.trust, payload: post)
        }
        let verdicts: [Envelope<Verdict>] = posts.map { envelope in
            let post = envelope.payload
            let breaches =
                random.below(3) == 0
                ? []
                : [
                    ClauseBreach(
                        clauseID: "sp-respect", behaviour: .abusiveLanguage, severity: .medium,
                        evidence: [Evidence(span: TextSpan(start: 4, end: 9), attachment: nil, matched: "head", detector: "language")])
                ]
            let verdict = Verdict(
                postID: post.id, postRevision: 1, school: post.school, authorKey: AuthorKey(rawValue: "stour-provost/\(post.author.handle)"),
                rulesetVersion: "bench", packID: "stour-provost", packVersion: 3, decidedAt: post.receivedAt, breaches: breaches)
            return Envelope(id: verdict.id, trust: post.trust, payload: verdict)
        }
        let encoder = ParapetJSON.makeEncoder()
        let bytes = try posts.map { Array(try encoder.encode($0)) }

        var result = JSONBenchmarkResult(messages: messages, bytes: bytes.reduce(0) { $0 + $1.count })
        result.fastRead = try time {
            for message in bytes { guard PostEnvelopeReader.read(message) != nil else { throw Mismatch(what: "the fast reader gave up") } }
        }
        result.foundationRead = try time {
            for message in bytes {
                guard case .post = try IncomingEvent(json: Data(message)) else { throw Mismatch(what: "IncomingEvent read no post") }
            }
        }
        result.fastPostWrite = try time {
            for (envelope, expected) in zip(posts, bytes) where PostJSONWriter.encode(envelope) != expected {
                throw Mismatch(what: "PostJSONWriter differs from JSONEncoder")
            }
        }
        result.foundationPostWrite = try time { for envelope in posts { _ = try encoder.encode(envelope) } }
        let verdictBytes = try verdicts.map { Array(try encoder.encode($0)) }
        result.fastVerdictWrite = try time {
            for (envelope, expected) in zip(verdicts, verdictBytes) {
                let verdict = envelope.payload
                let written = VerdictJSONWriter.envelope(
                    verdict, trust: envelope.trust, breachesJSON: VerdictJSONWriter.breaches(verdict.breaches),
                    decidedAtText: ParapetJSON.string(from: verdict.decidedAt))
                guard written == expected else { throw Mismatch(what: "VerdictJSONWriter differs from JSONEncoder") }
            }
        }
        result.foundationVerdictWrite = try time { for envelope in verdicts { _ = try encoder.encode(envelope) } }
        return result
    }

    /// Seconds `body` takes, the fastest of three runs.
    private static func time(_ body: () throws -> Void) throws -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let clock = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - clock
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return best
    }

    struct Mismatch: Error, CustomStringConvertible {
        var what: String
        var description: String { "json benchmark: \(what)" }
    }
}

struct JSONBenchmarkResult: CustomStringConvertible {
    var messages: Int
    var bytes: Int
    var fastRead = 0.0
    var foundationRead = 0.0
    var fastPostWrite = 0.0
    var foundationPostWrite = 0.0
    var fastVerdictWrite = 0.0
    var foundationVerdictWrite = 0.0

    var description: String {
        func line(_ name: String, _ fast: Double, _ foundation: Double) -> String {
            let rate = { (seconds: Double) in String(format: "%9.0f/s", Double(messages) / seconds) }
            return
                "  \(name.padding(toLength: 36, withPad: " ", startingAt: 0)) fast \(rate(fast))   Foundation \(rate(foundation))   \(String(format: "%.1f", foundation / fast))x"
        }
        return """
            JSON, fast path beside Foundation (\(messages) messages, \(bytes / messages) bytes each on average, one core, best of 3)
            \(line("read parapet.post/1 envelopes", fastRead, foundationRead))
            \(line("write parapet.post/1 envelopes", fastPostWrite, foundationPostWrite))
            \(line("write parapet.verdict/1 envelopes", fastVerdictWrite, foundationVerdictWrite))
            """
    }
}
