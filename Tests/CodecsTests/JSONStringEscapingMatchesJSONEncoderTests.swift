import Foundation
import ParapetCodecs
import Testing

/// Strings written by hand on the publish path must be the bytes `JSONEncoder` writes, wherever
/// in the string (before, inside or after the eight-byte steps of the fast scan) an escape falls.
@Suite struct JSONStringEscapingMatchesJSONEncoderTests {
    @Test func randomStringsEscapeAsJSONEncoderDoes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let pieces: [String] = [
            "a", "Z", "0", " ", "/", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1F}",
            "\u{7F}", "é", "🧒🏽", "\u{2028}", "£", "~",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...40, using: &generator)
            // Mostly plain letters, so that escapes land at every offset of a long clean run.
            let text = (0..<length).map { _ in Int.random(in: 0..<10, using: &generator) < 8 ? "x" : pieces.randomElement(using: &generator)! }
                .joined()
            var written: [UInt8] = []
            JSONStringEscaping.append(text, to: &written)
            let expected = Array(try encoder.encode(text))
            #expect(written == expected, "\(text.debugDescription)")
        }
    }
}
