import Foundation
import ParapetModels
import ParapetPolicyEngine
import ParapetTrustConfiguration
import TestSupport
import Testing

/// Whatever text arrives — obfuscated, mixed scripts, emoji, empty, huge, zalgo, mangled bytes,
/// random — the engine classifies it without crashing, or rejects it with a ClassificationError;
/// its evidence always points inside the text on scalar boundaries; and the same post always gets
/// the same verdict, id included.
@Suite("The engine survives any text")
struct EngineRobustnessTests {
    static let configuration: TrustConfiguration = {
        let folder = LocalInfrastructure.repositoryRoot.appending(path: "Examples/oakfield-learning-trust")
        do {
            return try TrustConfiguration.load(from: folder)
        } catch {
            fatalError("the example trust does not load: \(error)")
        }
    }()
    static let engine = try! PolicyEngine(configuration: configuration)
    static let decidedAt = Date(timeIntervalSince1970: 1_790_000_000)

    /// A post on Stour Provost's parents' group (or `account`) by a parent, with a fixed id.
    static func post(
        _ text: String, account: String = "sp-parents-facebook-group", author: PostAuthor = PostAuthor(handle: "dave.p", kind: .parent),
        media: [MediaAttachment] = [], replyTo: String? = nil, id: UUID = UUID(uuidString: "5E1F0000-0000-4000-8000-000000000001")!
    ) -> Post {
        let monitored = configuration.accounts.first { $0.id == account }!
        return Post(
            id: id, trust: configuration.trust.id, school: monitored.school, account: account, platform: monitored.platform,
            externalID: "robustness", author: author, text: text, media: media, replyTo: replyTo, createdAt: decidedAt,
            receivedAt: decidedAt)
    }

    /// Classifies `post` twice (and once more on a second engine when `rebuild`), checks every
    /// invariant, and returns the verdict.
    @discardableResult
    static func classifyChecked(_ post: Post, rebuild: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> Verdict {
        let verdict = try engine.classify(post, decidedAt: decidedAt)
        let again = try engine.classify(post, decidedAt: decidedAt)
        #expect(verdict == again, "the same post got two verdicts", sourceLocation: sourceLocation)
        if rebuild {
            let other = try PolicyEngine(configuration: configuration).classify(post, decidedAt: decidedAt)
            #expect(verdict == other, "a second engine built from the same trust disagrees", sourceLocation: sourceLocation)
        }
        #expect(verdict.postID == post.id && verdict.postRevision == post.revision && verdict.school == post.school, sourceLocation: sourceLocation)
        #expect(verdict.rulesetVersion == engine.rulesetVersion, sourceLocation: sourceLocation)
        #expect(Set(verdict.breaches.map(\.clauseID)).count == verdict.breaches.count, "a clause is listed twice", sourceLocation: sourceLocation)
        for breach in verdict.breaches {
            #expect(!breach.evidence.isEmpty, "\(breach.clauseID) has no evidence", sourceLocation: sourceLocation)
            for evidence in breach.evidence {
                checkEvidence(evidence, in: post, sourceLocation: sourceLocation)
            }
        }
        for detection in try engine.detections(in: post) {
            for evidence in detection.evidence {
                checkEvidence(evidence, in: post, sourceLocation: sourceLocation)
            }
        }
        return verdict
    }

    /// The evidence names a real attachment, and its span lies inside the text it points into,
    /// starting and ending on Unicode scalar boundaries (never inside a surrogate pair).
    /// Evidence with neither is about the post as a whole (who the author is).
    static func checkEvidence(_ evidence: Evidence, in post: Post, sourceLocation: SourceLocation) {
        var text = post.text
        if let attachment = evidence.attachment {
            guard post.media.indices.contains(attachment) else {
                Issue.record("evidence names attachment \(attachment) of \(post.media.count)", sourceLocation: sourceLocation)
                return
            }
            guard let span = evidence.span else { return }
            guard let alt = post.media[attachment].altText else {
                Issue.record("evidence \(span) points into attachment \(attachment), which has no alt text", sourceLocation: sourceLocation)
                return
            }
            text = alt
        }
        // No span and no attachment: evidence about the post as a whole, such as its author's age.
        guard let span = evidence.span else { return }
        #expect(span.start >= 0 && span.start <= span.end, sourceLocation: sourceLocation)
        #expect(
            span.end <= text.utf16.count, "span \(span.start)..<\(span.end) runs past \(text.utf16.count) UTF-16 units",
            sourceLocation: sourceLocation)
        #expect(
            span.substring(of: text) != nil, "span \(span.start)..<\(span.end) splits a surrogate pair or runs past the end",
            sourceLocation: sourceLocation)
        #expect(!evidence.detector.isEmpty, sourceLocation: sourceLocation)
    }

    static let obfuscated = [
        "f*ck off", "sh1t school", "s.h.i.t", "f u c k", "fuuuuuuck", "F.U.C.K.I.N.G", "f\u{200B}u\u{200B}c\u{200B}k",
        "\u{FF46}\u{FF55}\u{FF43}\u{FF4B}", "f\u{00AD}uck", "sh!t", "b0ll0cks", "tw@t", "w@nk3r", "fück", "F-U-C-K",
        "f\u{0301}u\u{0308}c\u{0327}k\u{0300}", "ⓕⓤⓒⓚ", "𝐟𝐮𝐜𝐤", "𝔣𝔲𝔠𝔨 this", "f\u{2060}u\u{FEFF}ck",
    ]

    /// Disguises the engine does not read yet (a hook-f with diacritics on every letter; an
    /// emoji in place of a letter): they must still classify soundly, and are the next to teach it.
    static let obfuscatedNotYetRead = ["ƒüçk", "f💩ck"]

    @Test("disguised swearing the engine does not read yet still classifies soundly", arguments: obfuscatedNotYetRead)
    func obfuscatedTextNotYetRead(text: String) throws {
        try Self.classifyChecked(Self.post("the head is a \(text) honestly \(text)!!"))
    }

    @Test("obfuscated swearing is still read as abusive language, with sound evidence", arguments: obfuscated)
    func obfuscatedText(text: String) throws {
        let verdict = try Self.classifyChecked(Self.post("the head is a \(text) honestly \(text)!!"))
        let behaviours = Set(verdict.breaches.map(\.behaviour))
        #expect(
            behaviours.contains(.abusiveLanguage) || behaviours.contains(.grosslyObscene),
            "\(text): read as \(behaviours.map(\.rawValue).sorted())")
    }

    static let scripts = [
        "Тhе һеаd іѕ а ѕһіt",  // Cyrillic look-alikes in Latin words
        "Τhe ΗΕΑD ιs α fοοl",  // Greek look-alikes
        "مرحبا بالجميع، المدرسة رائعة",  // Arabic
        "学校はとても良いです。先生ありがとう！",  // Japanese
        "这个学校太差了，老师很懒",  // Chinese
        "학교 운동회 정말 재미있었어요",  // Korean
        "शिक्षक बहुत अच्छे हैं",  // Devanagari
        "שלום \u{202E}kcuf\u{202C} עולם",  // Hebrew with a right-to-left override
        "Mixed: Ali Khan 和 Mrs Green がいる شكرا Привет",
        "ครูใจดีมาก",  // Thai
    ]

    @Test("mixed and non-Latin scripts", arguments: scripts)
    func mixedScripts(text: String) throws {
        try Self.classifyChecked(Self.post(text))
    }

    static let emoji = [
        "😀", "🤬🤬🤬🤬🤬", "👩‍👩‍👧‍👦👨🏿‍🏫🧑🏽‍🚒", "🇬🇧🏴󠁧󠁢󠁥󠁮󠁧󠁿🏳️‍🌈", "1️⃣2️⃣3️⃣#️⃣",
        "This school 🤬🤬 is sh💩t 🖕🖕 the head 🤡🤡🤡 can get 🔪 lol 😂😂😂",
        String(repeating: "👍🏽", count: 5000),
        "Well done 👏👏 Year 6 ⚽️🏆 proud of you all ❤️❤️❤️",
    ]

    @Test("emoji-only and emoji-heavy text", arguments: emoji)
    func emojiText(text: String) throws {
        try Self.classifyChecked(Self.post(text))
    }

    @Test("empty and whitespace-only text", arguments: ["", " ", "\n", "   \n\t  ", "\u{00A0}\u{2003}\u{3000}\u{200B}\u{FEFF}", "\r\n\r\n"])
    func emptyText(text: String) throws {
        let verdict = try Self.classifyChecked(Self.post(text))
        #expect(verdict.isBenign, "nothing is there to break a clause")
    }

    @Test("a 1 MB text is classified, with evidence inside it", .timeLimit(.minutes(2)))
    func oneMegabyte() throws {
        let paragraph = "Lovely assembly today, will bring the cakes on Friday. Grace and Hope were brilliant. "
        var text = String(repeating: paragraph, count: 1_000_000 / paragraph.utf8.count)
        text += "The head is a fucking idiot. " + String(repeating: "😀é\u{0301}", count: 2000)
        #expect(text.utf8.count > 1_000_000)
        try Self.classifyChecked(Self.post(text))
    }

    @Test("combining-mark floods (zalgo)")
    func zalgo() throws {
        let marks = (0x0300...0x036F).compactMap(Unicode.Scalar.init).map(String.init)
        var random = SplitMix64(seed: 0x2A160)
        let zalgo = "the head is a fucking idiot".map { character in
            String(character) + (0..<Int(random.next() % 12)).map { _ in marks[Int(random.next() % UInt64(marks.count))] }.joined()
        }.joined()
        try Self.classifyChecked(Self.post(zalgo))
        try Self.classifyChecked(Self.post("f" + String(repeating: "\u{0336}", count: 20_000) + "uck"))
        try Self.classifyChecked(Self.post(String(repeating: "\u{0301}", count: 10_000)))
    }

    @Test("invalid UTF-8 decoded with replacement characters")
    func replacementCharacters() throws {
        let bytes: [[UInt8]] = [
            [0x66, 0xFF, 0x75, 0x63, 0x6B],  // f, a byte no UTF-8 has, uck
            [0x73, 0x68, 0xC3, 0x28, 0x69, 0x74],  // a truncated two-byte sequence
            [0xED, 0xA0, 0x80, 0x73, 0x68, 0x69, 0x74],  // an encoded lone surrogate
            [0xF4, 0x90, 0x80, 0x80, 0x20, 0x69, 0x64, 0x69, 0x6F, 0x74],  // past U+10FFFF
            [0xC0, 0xAF, 0xE0, 0x80, 0xAF],  // overlong encodings
            Array(repeating: 0x80, count: 1000),  // continuation bytes alone
        ]
        for sequence in bytes {
            let text = String(decoding: sequence, as: UTF8.self)
            #expect(text.unicodeScalars.contains("\u{FFFD}"))
            try Self.classifyChecked(Self.post(text))
        }
    }

    @Test("a 5 MB text is rejected as too long, not cut or crashed on")
    func fiveMegabytes() throws {
        let text = String(repeating: "abcdefghij", count: 500_000)
        #expect(throws: ClassificationError.textTooLong(bytes: 5_000_000, limit: PolicyEngine.maximumTextBytes)) {
            try Self.engine.classify(Self.post(text), decidedAt: Self.decidedAt)
        }
        let justOver = String(repeating: "é", count: PolicyEngine.maximumTextBytes / 2) + "x"
        #expect(throws: ClassificationError.textTooLong(bytes: PolicyEngine.maximumTextBytes + 1, limit: PolicyEngine.maximumTextBytes)) {
            try Self.engine.classify(Self.post(justOver), decidedAt: Self.decidedAt)
        }
    }

    @Test("attachments with odd alt text, tags and no alt text")
    func attachments() throws {
        let url = URL(string: "https://media.invalid/1.jpg")!
        let media = [
            MediaAttachment(url: url, type: .image, altText: nil, taggedPeople: nil),
            MediaAttachment(url: url, type: .image, altText: "", taggedPeople: []),
            MediaAttachment(url: url, type: .image, altText: "kids in their swimming costumes 🏊‍♀️ at the gala", taggedPeople: ["sp-p-0001", "nobody"]),
            MediaAttachment(url: url, type: .video, altText: String(repeating: "\u{0301}", count: 500) + "sh1t", taggedPeople: [""]),
            MediaAttachment(url: url, type: .other, altText: "Тhе һеаd 🤬", taggedPeople: nil),
        ]
        try Self.classifyChecked(Self.post("look at this 📸", media: media))
        try Self.classifyChecked(Self.post("", media: media, replyTo: ""))
    }

    @Test("the same post gets the same verdict, id included, from any engine built from the trust")
    func determinism() throws {
        let post = Self.post(
            "The head is a f*cking liar and Ali Khan in Year 4 was hit",
            media: [
                MediaAttachment(url: URL(string: "https://media.invalid/2.jpg")!, type: .image, altText: "the whole class at sports day")
            ])
        let first = try Self.classifyChecked(post, rebuild: true)
        let encoded = try ParapetJSON.encode(first)
        #expect(try ParapetJSON.encode(Self.classifyChecked(post, rebuild: true)) == encoded)
        // A new revision or another post is a new verdict.
        let revised = post.revised(text: post.text, editedAt: Self.decidedAt, receivedAt: Self.decidedAt)
        #expect(try Self.engine.classify(revised, decidedAt: Self.decidedAt).id != first.id)
    }

    /// Pieces the fuzz strings are made of: words the detectors look for, roster names, and every
    /// kind of awkward scalar.
    static let pieces: [String] = {
        var pieces = [
            "fuck", "f*ck", "sh1t", "s.h.i.t", "f u c k", "idiot", "kill", "smash", "his", "face", "school", "head", "teacher", "Mrs",
            "Mr", "Year", "4", "my", "son", "daughter", "photo", "swimming", "costume", "hate", "you", "nobody", "likes", "will", "hope",
            "grace", "@", "#", ".", ",", "!", "?", "'", "\"", "-", "_", "*", "/", "\\", "(", ")", " ", " ", " ", "  ", "\n", "\t", "\r\n",
            "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{00AD}", "\u{202E}", "\u{2066}", "\u{0301}", "\u{0336}", "\u{20DD}", "\u{FFFD}",
            "\u{0000}", "\u{0007}", "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{FFFF}", "\u{E000}", "\u{10FFFF}",
            "é", "ß", "İ", "ı", "ﬁ", "Å", "ǅ", "ΐ", "ŉ", "ѕ", "һ", "і", "а", "ο", "α", "Ω", "ω", "ك", "中", "學", "ア", "ㅎ", "ꙮ",
            "😀", "🤬", "👩‍👩‍👧‍👦", "🇬🇧", "👍🏽", "1️⃣", "𝔣", "𝐮", "🖕", "💩", "0", "1", "3", "@", "$", "£", "€",
        ]
        for roster in configuration.rosters {
            for pupil in roster.pupils.prefix(15) { pieces.append(pupil.name) }
            for member in roster.staff.prefix(5) { pieces.append(member.name) }
        }
        return pieces
    }()

    @Test("thousands of random strings: classified, evidence in bounds, verdicts repeatable", .timeLimit(.minutes(5)))
    func fuzz() throws {
        var random = SplitMix64(seed: 0x5EED_F022)
        let accounts = Self.configuration.accounts
        let handles =
            ["dave.p", "someone"]
            + Self.configuration.rosters.flatMap { roster in
                roster.staff.flatMap { $0.handles.values } + roster.pupils.flatMap { $0.handles.values }
            }
        let kinds = PostAuthor.Kind.allCases
        for round in 0..<3000 {
            func fuzzText(_ maximum: Int) -> String {
                var text = ""
                for _ in 0..<Int(random.next() % UInt64(maximum + 1)) {
                    if random.next() % 8 == 0 {
                        // A raw scalar from anywhere in Unicode (surrogates cannot be scalars).
                        text.unicodeScalars.append(Unicode.Scalar(UInt32(random.next() % 0x11_0000)) ?? "\u{FFFD}")
                    } else {
                        text += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
                    }
                }
                return text
            }
            let text = fuzzText(round % 10 == 0 ? 400 : 40)
            var media: [MediaAttachment] = []
            if random.next() % 4 == 0 {
                media = (0...Int(random.next() % 3)).map { _ in
                    MediaAttachment(
                        url: URL(string: "https://media.invalid/fuzz.jpg")!, type: [.image, .video, .other][Int(random.next() % 3)],
                        altText: random.next() % 3 == 0 ? nil : fuzzText(20),
                        taggedPeople: random.next() % 2 == 0 ? nil : ["sp-p-0001", fuzzText(2)])
                }
            }
            let account = accounts[Int(random.next() % UInt64(accounts.count))].id
            let author = PostAuthor(
                handle: handles[Int(random.next() % UInt64(handles.count))], kind: kinds[Int(random.next() % UInt64(kinds.count))])
            let id = UUID(uuidString: String(format: "5E1F%04X-0000-4000-8000-%012llX", round % 0xFFFF, random.next() & 0xFFFF_FFFF_FFFF))!
            let post = Self.post(text, account: account, author: author, media: media, replyTo: random.next() % 3 == 0 ? "parent-post" : nil, id: id)
            do {
                try Self.classifyChecked(post)
            } catch {
                Issue.record("round \(round): \(error) for \(text.debugDescription)")
            }
        }
    }
}
