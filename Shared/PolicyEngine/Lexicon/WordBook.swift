import Crypto
import Foundation
import ParapetCodecs

/// The word lists the engine matches: every `Words/*.words` file shipped with Parapet, read and
/// checked once, and a fingerprint of their content that the ruleset version carries.
struct WordBook: Sendable {
    /// Each cue's phrases, file by file in name order, each file's cues in the order it gives them.
    var cues: [(Cue, [String])]
    /// Each named list's phrases.
    var lists: [String: [String]]
    /// SHA-256 over every file's name and bytes, in name order, in lower-case hex.
    var fingerprint: String

    /// The files shipped with the engine, or what is wrong in them.
    static let builtIn: Result<WordBook, WordFileError> = {
        guard let folder = builtInFolder else {
            return .failure(WordFileError(file: "Words", line: 0, entry: "", message: "the word files are not installed beside the executable"))
        }
        return Result { () throws(WordFileError) in try load(from: folder) }
    }()

    /// Where the shipped word files are: the `Words` folder of the engine's resource bundle.
    static var builtInFolder: URL? { Bundle.module.resourceURL?.appending(path: "Words") }

    /// The built-in book, or an empty one when it cannot be read (``PolicyEngine/init(configuration:packVersions:)``
    /// refuses to build then, so no post is classified without its words).
    static var current: WordBook { (try? builtIn.get()) ?? WordBook(cues: [], lists: [:], fingerprint: "") }

    /// Every `.words` file in `folder`.
    static func load(from folder: URL) throws(WordFileError) -> WordBook {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".words") }.sorted()
        } catch {
            throw WordFileError(file: folder.path, line: 0, entry: "", message: "cannot be read: \(error.localizedDescription)")
        }
        guard !names.isEmpty else { throw WordFileError(file: folder.path, line: 0, entry: "", message: "holds no .words file") }
        var files: [(String, [UInt8])] = []
        for name in names {
            guard let bytes = FileManager.default.contents(atPath: folder.appending(path: name).path) else {
                throw WordFileError(file: name, line: 0, entry: "", message: "cannot be read")
            }
            files.append((name, Array(bytes)))
        }
        return try book(files)
    }

    /// The book of `files` (each a name and its bytes).
    static func book(_ files: [(name: String, bytes: [UInt8])]) throws(WordFileError) -> WordBook {
        var hash = SHA256()
        var sections: [(file: String, cue: Cue, entries: [WordFile.Entry])] = []
        var lists: [String: [String]] = [:]
        for (name, bytes) in files.sorted(by: { $0.name < $1.name }) {
            hash.update(data: Array(name.utf8) + [0] + bytes + [0])
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw WordFileError(file: name, line: 0, entry: "", message: "is not UTF-8")
            }
            let file = try WordFile.parse(text, name: name)
            for cue in file.order { sections.append((name, cue, file.cues[cue] ?? [])) }
            for (list, phrases) in file.lists {
                if lists[list] != nil {
                    throw WordFileError(file: name, line: 0, entry: "", message: "list \(list) is also in another file; a list lives in one")
                }
                lists[list] = phrases
            }
        }
        // Lists are resolved once every file is read: a cue may include a list from a later file.
        var cues: [(Cue, [String])] = []
        for section in sections {
            var phrases: [String] = []
            for entry in section.entries {
                switch entry {
                case .phrase(let phrase): phrases.append(phrase)
                case .list(let list, let line):
                    guard let included = lists[list] else {
                        throw WordFileError(file: section.file, line: line, entry: "+ \(list)", message: "no file has a [list \(list)]")
                    }
                    phrases += included
                }
            }
            cues.append((section.cue, phrases))
        }
        let fingerprint = HexDigit.lowercased(hash.finalize())
        return WordBook(cues: cues, lists: lists, fingerprint: fingerprint)
    }

    /// The named list `name`; empty when the files have none by that name (a test checks every
    /// list a detector reads is there).
    func list(_ name: String) -> [String] { lists[name] ?? [] }

    /// The built-in list `name` as a set: how the detectors hold the phrase lists they test a
    /// word against (`Words/*-detector.words`).
    static func set(_ name: String) -> Set<String> { Set(current.list(name)) }
}
