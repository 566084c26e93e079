import Foundation
import Testing

/// `parapet classify --jsonl` for batch evaluation: one line out per line in, in order, bad lines
/// answered in place without stopping the run.
@Suite("parapet classify --jsonl keeps order and reports bad lines in place")
struct ClassifyJSONLinesKeepOrderTests {
    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    @Test("thousands of lines over several schools: one verdict a line, in input order")
    func order() async throws {
        let schools = ["stour-provost", "stokes-wood", "dauvergne", "trimley-st-martin", "levens-ce"]
        let texts = ["Lovely sports day, well done all", "You are a fucking idiot", "What time is pick up on Friday?", "This is shit"]
        var lines: [String] = []
        for index in 0..<3000 {
            // Each line its own text, told apart by letters (digits can spell extremist codes).
            let tag = String(String(index, radix: 2).map { $0 == "0" ? "x" : "z" })
            let text = "\(texts[index % texts.count]) (ref \(tag))"
            let line = try JSONSerialization.data(withJSONObject: ["text": text, "school": schools[index % schools.count], "id": "post-\(index)"])
            lines.append(String(decoding: line, as: UTF8.self))
        }
        let result = try await ClassifyCLI.run(["--jsonl", "--decided-at", "2026-11-21T09:00:00Z"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let verdicts = try Self.objects(result.stdout)
        try #require(verdicts.count == lines.count)
        for (index, verdict) in verdicts.enumerated() {
            #expect(verdict["school"] as? String == schools[index % schools.count], "line \(index + 1) out of order")
            #expect(verdict["decided_at"] as? String == "2026-11-21T09:00:00.000Z")
            let breaches = try #require(verdict["breaches"] as? [[String: Any]])
            // The abusive lines break a clause and the benign ones do not, line by line.
            #expect(breaches.isEmpty == (index % 2 == 0), "line \(index + 1): \(lines[index]) → \(breaches)")
        }
        // The same input gives the same output, verdict ids included.
        let again = try await ClassifyCLI.run(["--jsonl", "--decided-at", "2026-11-21T09:00:00Z"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(again.stdout == result.stdout)
    }

    @Test("a bad line is answered by {line, error} in its place; the rest go on; exit 65 at the end")
    func badLines() async throws {
        let input = [
            #"{"text": "Lovely sports day"}"#,
            #"not json at all"#,
            #"{"school": "stour-provost"}"#,
            #"{"text": "hello", "school": "hogwarts"}"#,
            #"{"text": "hello", "author": {"handle": "x", "kind": "alien"}}"#,
            #"[1, 2]"#,
            "",
            #"{"text": "What a load of shit", "account": "sw-forum", "author": "dave.p"}"#,
        ]
        let result = try await ClassifyCLI.run(["--jsonl"], stdin: input.joined(separator: "\r\n"))
        #expect(result.status == 65)
        #expect(result.stderr == "parapet: 6 of 8 lines could not be classified (answered by {\"line\", \"error\"})\n")
        let out = try Self.objects(result.stdout)
        try #require(out.count == input.count, "\(result.stdout)")
        #expect(out[0]["school"] as? String == "stour-provost")
        for (index, expected) in [
            (1, "not JSON"), (2, "no \"text\""), (3, "no school \"hogwarts\""), (4, "\"alien\" is not one of parent"),
            (5, "not a JSON object"), (6, "empty line"),
        ] {
            #expect(out[index]["line"] as? Int == index + 1)
            #expect((out[index]["error"] as? String)?.contains(expected) == true, "line \(index + 1): \(out[index])")
            #expect(out[index].count == 2)
        }
        // An account alone decides the school.
        #expect(out[7]["school"] as? String == "stokes-wood")
        #expect((out[7]["breaches"] as? [Any])?.isEmpty == false)
    }

    @Test("the labelled corpus's shape goes straight in: author objects, tagged media, extra fields")
    func corpusShape() async throws {
        let line =
            #"{"id": "photo-001", "label": "breaks", "text": "Look at them all", "school": "stour-provost", "account": "sp-parents-facebook-group", "author": {"handle": "dave.p", "kind": "parent"}, "reply_to": null, "media": [{"type": "image", "alt_text": "the whole of Year 2 at sports day", "tagged": ["sp-p-0070"]}], "breaks": ["photo_without_consent"]}"#
        let result = try await ClassifyCLI.run(["--jsonl"], stdin: line + "\n")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let out = try Self.objects(result.stdout)
        #expect(out.count == 1)
        #expect(out.first?["post_revision"] as? Int == 1)
    }
}
