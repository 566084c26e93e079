import Foundation
import TestSupport
import Testing

@testable import ParapetPolicyEngine

/// The word lists as data: the shipped files read and checked, mistakes named by file, line and
/// entry, and the ruleset version following their content.
struct WordFilesAreCheckedTests {
    static func parse(_ text: String) throws(WordFileError) -> WordFile { try WordFile.parse(text, name: "test.words") }

    static func error(_ text: String) -> WordFileError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func theShippedFilesReadWithEveryCueAndListADetectorUses() throws {
        let book = try WordBook.builtIn.get()
        let cues = Set(book.cues.map(\.0))
        // `trustSlur` holds only the words a trust adds.
        for cue in Lexicon.disguiseTargets where cue != .trustSlur { #expect(cues.contains(cue), "\(cue.name) has no words") }
        for name in Lexicon.listNames { #expect(!book.list(name).isEmpty, "list \(name) is missing") }
        #expect(book.cues.reduce(0) { $0 + $1.1.count } > 7000)
        #expect(book.fingerprint.count == 64)
    }

    /// The detectors read most of their phrase lists by name (`WordBook.set("…")`,
    /// `WordBook.current.list("…")`): each name they read is a list in the files, with words,
    /// and each list in the files is read by something, so a misspelt name cannot leave a
    /// detector with an empty list.
    @Test func everyListTheSourcesNameIsInTheFilesAndEveryListIsRead() throws {
        let book = try WordBook.builtIn.get()
        let sources = LocalInfrastructure.repositoryRoot.appending(path: "Shared/PolicyEngine")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var named = Set(Lexicon.listNames)
        let pattern = #/(?:WordBook\.set|\.list)\("([A-Za-z0-9]+)"\)/#
        for file in files {
            let text = try String(contentsOf: sources.appending(path: file), encoding: .utf8)
            for match in text.matches(of: pattern) { named.insert(String(match.1)) }
        }
        #expect(named.count > 80)
        for name in named.sorted() { #expect(!book.list(name).isEmpty, "list \(name) is read but no file has it, or it is empty") }
        for name in book.lists.keys.sorted() { #expect(named.contains(name), "list \(name) is in the files but nothing reads it") }
    }

    @Test func headingsEntriesAndCommentsAreRead() throws {
        let file = try Self.parse(
            [
                "# a comment", "[violence]", "kill~", "  put him in hospital  ", "[insult]", "# another", "idiot", "[violence]", "cover~ up",
                "", "[list harassmentStrong]", "i know where you live",
            ].joined(separator: "\n"))
        #expect(file.phrases(.violence) == ["kill~", "put him in hospital", "cover~ up"])
        #expect(file.phrases(.insult) == ["idiot"])
        #expect(file.order == [.violence, .insult])
        #expect(file.lists["harassmentStrong"] == ["i know where you live"])
    }

    @Test func mistakesNameTheFileTheLineAndTheEntry() {
        #expect(Self.error("idiot")?.description == "test.words:1: \"idiot\": an entry before any [cue] heading")
        #expect(Self.error("[insult]\nidiot\n\n[insults]\n")?.description.hasPrefix("test.words:4: \"[insults]\": \"insults\" is not a cue") == true)
        #expect(
            Self.error("[insult]\nidiot\nfool\nidiot")?.description == "test.words:4: \"idiot\": listed twice under this heading (first on line 2)")
        #expect(Self.error("[violence]\nki~ll")?.message == "~ goes only at the end of a word (kill~, cover~ up)")
        #expect(Self.error("[violence]\nkill ~")?.line == 2)
        #expect(Self.error("[violence\nkill")?.message == "a heading ends with ]")
        #expect(Self.error("[list harassment-strong]")?.message.hasPrefix("a list's name is letters and digits") == true)
        #expect(Self.error("[insult]\n" + String(repeating: "x", count: 201))?.message == "longer than 200 characters")
        // The same word under two headings is two cues, not a mistake.
        #expect(Self.error("[insult]\nidiot\n[swearing]\nidiot") == nil)
    }

    @Test func aCueTakesInANamedListFromAnyFile() throws {
        let book = try WordBook.book([
            ("a.words", Array("[intimidation]\nwatch your back\n+ strong\n".utf8)),
            ("b.words", Array("[list strong]\ni know where you live\n".utf8)),
        ])
        #expect(book.cues.first?.1 == ["watch your back", "i know where you live"])
        #expect(throws: WordFileError(file: "a.words", line: 2, entry: "+ missing", message: "no file has a [list missing]")) {
            try WordBook.book([("a.words", Array("[intimidation]\n+ missing\n".utf8))])
        }
        #expect(Self.error("[list a]\n+ b")?.message == "a list includes no other list; + name goes under a [cue]")
    }

    @Test func aFileThatIsNotUTF8IsNamed() {
        #expect(throws: WordFileError(file: "bad.words", line: 0, entry: "", message: "is not UTF-8")) {
            try WordBook.book([("bad.words", [0x5B, 0xFF, 0x5D])])
        }
        #expect(throws: WordFileError.self) { try WordBook.load(from: URL(fileURLWithPath: "/nonexistent-parapet-words")) }
    }

    @Test func theRulesetVersionFollowsTheWordFiles() throws {
        let folder = try #require(WordBook.builtInFolder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".words") }
        let files = try names.map { name in (name: name, bytes: Array(try Data(contentsOf: folder.appending(path: name)))) }
        let shipped = try WordBook.book(files)
        #expect(PolicyEngine.builtInRulesetVersion == "parapet-rules/\(PolicyEngine.detectorsRevision)+\(shipped.fingerprint.prefix(12))")
        // One word added to one file: another fingerprint, so another version.
        var changed = files
        changed[0].bytes += Array("\n[insult]\nnincompoop-of-the-year\n".utf8)
        #expect(try WordBook.book(changed).fingerprint != shipped.fingerprint)
        // A file renamed, its words the same: another fingerprint too.
        var renamed = files
        renamed[0].name = "z-" + renamed[0].name
        #expect(try WordBook.book(renamed).fingerprint != shipped.fingerprint)
        // The same files in another order: the same.
        #expect(try WordBook.book(files.reversed()).fingerprint == shipped.fingerprint)
    }
}
