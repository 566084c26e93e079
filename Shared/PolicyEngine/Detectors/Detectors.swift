/// Every detector family, in the order they run. Each adds to its own behaviours only, and
/// one reads another's: the accusation detector counts bullying of a child that the conduct
/// detector, run before it, has found.
///
/// This list is the engine's extension point: a new behaviour's detector is a type conforming to
/// ``Detector``, added here where what it reads has been found (`docs/classifier.md`, "Adding a
/// behaviour").
enum Detectors {
    /// Runs every detector on `post`.
    static func detect(in post: PostContext, into found: inout Detections) {
        run(
            PeopleDetector(), PhotoDetector(), LanguageDetector(), ViolenceDetector(), ConductDetector(), AccusationDetector(),
            ComplaintDetector(), PrivacyDetector(), StaffDetector(), SchoolNameDetector(), AgeDetector(), SafeguardingDetector(),
            in: post, into: &found)
    }

    /// Runs each of `detectors` in turn. A parameter pack, not an array of `any Detector`: each
    /// call is to the concrete type, where an existential was copied out of its array and called
    /// through its witness table for every detector of every post.
    private static func run<each D: Detector>(_ detectors: repeat each D, in post: PostContext, into found: inout Detections) {
        repeat (each detectors).detect(in: post, into: &found)
    }
}

extension String {
    /// `contains(part)` for an ASCII `part`: byte by byte when the string is ASCII too (where
    /// each byte is a Character), rather than the Character-by-Character search.
    func containsASCII(_ part: String) -> Bool {
        let utf8 = self.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }), part.utf8.allSatisfy({ $0 < 0x80 }) else { return contains(part) }
        let needle = part.utf8
        guard let first = needle.first else { return true }
        var start = utf8.startIndex
        while let found = utf8[start...].firstIndex(of: first) {
            if utf8[found...].starts(with: needle) { return true }
            start = utf8.index(after: found)
        }
        return false
    }
}

extension TextView {
    /// The folded words of `range` joined by spaces, for checking a hit against a short list.
    func phrase(_ range: Range<Int>) -> String {
        // Built straight from the folded bytes: called for most hits of most detectors.
        if range.count == 1 { return tokenized.word(range.lowerBound) }
        var length = range.count - 1
        for index in range { length += tokenized.leet(index).count }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var at = 0
            for index in range {
                if index != range.lowerBound {
                    buffer[at] = UInt8(ascii: " ")
                    at += 1
                }
                for byte in tokenized.leet(index) {
                    buffer[at] = byte
                    at += 1
                }
            }
            return at
        }
    }

    /// Whether `phrase(range)` is in `set`, its bytes put together on the stack rather than in a
    /// String (a one-word phrase read where it lies).
    func phrase(_ range: Range<Int>, isIn set: PhraseSet) -> Bool {
        tokenized.bytes.withUnsafeBufferPointer { bytes in
            if range.count == 1 { return set.contains(bytes: UnsafeBufferPointer(rebasing: bytes[tokenized.readingRange(range.lowerBound)])) }
            var length = range.count - 1
            for index in range { length += tokenized.readingRange(index).count }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { phrase in
                var at = 0
                for index in range {
                    if index != range.lowerBound {
                        phrase[at] = UInt8(ascii: " ")
                        at += 1
                    }
                    for byte in bytes[tokenized.readingRange(index)] {
                        phrase[at] = byte
                        at += 1
                    }
                }
                return set.contains(bytes: UnsafeBufferPointer(rebasing: phrase[..<at]))
            }
        }
    }

    /// Hits of `cue` whose phrase is not in `weak`, and those that are.
    func hits(_ cue: Cue, splitting weak: Set<String>) -> (strong: [Range<Int>], weak: [Range<Int>]) {
        var strong: [Range<Int>] = []
        var weakHits: [Range<Int>] = []
        for hit in hits(cue) {
            if weak.contains(phrase(hit)) { weakHits.append(hit) } else { strong.append(hit) }
        }
        return (strong, weakHits)
    }

    /// Whether any hit of `cue` shares a sentence with `range`.
    func inSentence(_ cue: Cue, with range: Range<Int>) -> Bool {
        guard has(cue) else { return false }
        return cueHits.contains { $0.cue == cue && sameSentence($0.tokens, range) }
    }

    /// Hits of `cue` in the sentence of `range`.
    func hitsInSentence(_ cue: Cue, with range: Range<Int>) -> [Range<Int>] {
        guard has(cue) else { return [] }
        return hits(cue).filter { sameSentence($0, range) }
    }

    /// Whether the text contains a quotation: straight or curly double quotes.
    var quotes: Bool {
        // Bytes, not Characters: `"` is ASCII; “ and ” are E2 80 9C and E2 80 9D in UTF-8.
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { return true }
            if previous == (0xE2, 0x80) && (byte == 0x9C || byte == 0x9D) { return true }
            previous = (previous.1, byte)
        }
        return false
    }
}
