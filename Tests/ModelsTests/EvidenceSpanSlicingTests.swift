import Foundation
import ParapetModels
import Testing

@Suite("Evidence spans: UTF-16 offsets into the original text")
struct EvidenceSpanSlicingTests {
    /// "Zoé" with a decomposed é (e + U+0301), a family emoji of 8 code units, a flag of 4.
    static let text = "Hi 👩‍👩‍👧 Zoe\u{301} 🇬🇧 Chloë!"

    @Test("a span found by searching the text reads back the same text, across emoji and combining accents")
    func roundTripThroughSearch() throws {
        for needle in ["👩‍👩‍👧", "Zoe\u{301}", "🇬🇧", "Chloë", "Hi", "!"] {
            let range = try #require(Self.text.range(of: needle))
            let span = TextSpan(range, in: Self.text)
            #expect(span.substring(of: Self.text).map(String.init) == needle, "\(needle)")
        }
    }

    @Test("offsets count UTF-16 code units, as JavaScript does")
    func offsetsAreUTF16() throws {
        let span = TextSpan(try #require(Self.text.range(of: "Zoe\u{301}")), in: Self.text)
        #expect(span == TextSpan(start: 12, end: 16))
        #expect(span.length == 4)
        let flag = TextSpan(try #require(Self.text.range(of: "🇬🇧")), in: Self.text)
        #expect(flag == TextSpan(start: 17, end: 21))
    }

    @Test("a span ending between a letter and its accent gives exactly those scalars, not a rounded character")
    func insideAGraphemeCluster() throws {
        let unaccented = try #require(TextSpan(start: 12, end: 15).substring(of: Self.text))
        #expect(Array(unaccented.unicodeScalars) == ["Z", "o", "e"])
        let accentOnly = try #require(TextSpan(start: 15, end: 16).substring(of: Self.text))
        #expect(Array(accentOnly.unicodeScalars) == ["\u{301}"])
    }

    @Test("a span that splits a surrogate pair or runs past the end gives nil, never a crash")
    func unsafeSpans() {
        #expect(TextSpan(start: 4, end: 10).substring(of: Self.text) == nil, "starts inside 👩")
        #expect(TextSpan(start: 3, end: 4).substring(of: Self.text) == nil, "ends inside 👩")
        #expect(TextSpan(start: 0, end: 40).substring(of: Self.text) == nil)
        #expect(TextSpan(start: 40, end: 41).substring(of: Self.text) == nil)
        #expect(TextSpan(start: 0, end: 0).substring(of: "") == "")
        #expect(TextSpan(start: 28, end: 28).substring(of: Self.text) == "")
    }

    @Test("negative or backwards spans are refused when decoded")
    func decodingValidates() throws {
        #expect(try ParapetJSON.decode(TextSpan.self, from: Data(#"{"utf16_start": 3, "utf16_end": 7}"#.utf8)) == TextSpan(start: 3, end: 7))
        #expect(throws: DecodingError.self) { try ParapetJSON.decode(TextSpan.self, from: Data(#"{"utf16_start": -1, "utf16_end": 7}"#.utf8)) }
        #expect(throws: DecodingError.self) { try ParapetJSON.decode(TextSpan.self, from: Data(#"{"utf16_start": 7, "utf16_end": 3}"#.utf8)) }
    }

    @Test("evidence reads its excerpt from the post's text or from an attachment's alt text")
    func excerpts() throws {
        let post = Fixture.post
        let emoji = try #require(post.text.range(of: "😡"))
        let inText = Evidence(span: TextSpan(emoji, in: post.text), matched: "😡", detector: "lexicon.anger")
        #expect(inText.excerpt(in: post) == "😡")
        let name = Evidence(span: TextSpan(try #require(post.text.range(of: "Zoé")), in: post.text), matched: "Zoé", detector: "roster.first-name")
        #expect(name.excerpt(in: post) == "Zoé")
        let inAltText = Fixture.verdict.breaches[1].evidence[0]
        #expect(inAltText.excerpt(in: post) == "pool")
        let wholeAttachment = Fixture.verdict.breaches[1].evidence[1]
        #expect(wholeAttachment.excerpt(in: post) == nil)
        #expect(Evidence(span: TextSpan(start: 0, end: 1), attachment: 1, matched: "x", detector: "d").excerpt(in: post) == nil, "no alt text")
        #expect(Evidence(span: TextSpan(start: 0, end: 1), attachment: 9, matched: "x", detector: "d").excerpt(in: post) == nil, "no such attachment")
    }
}
