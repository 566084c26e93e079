/// One file of the word lists (`Words/*.words`, or a trust's own): phrases under the cue they
/// give, and phrase lists a detector reads by name.
///
/// ```
/// # a comment
/// [violence]
/// kill~
/// put him in hospital
///
/// [list harassmentStrong]
/// i know where you live
/// ```
///
/// One entry per line, under a `[cue]` heading (a ``Cue`` by its name) or a `[list name]`
/// heading; under a cue, `+ name` stands for every phrase of list `name`, in any file. Blank
/// lines and lines starting with `#` are skipped.
struct WordFile: Sendable, Hashable {
    /// The file's name, as errors give it.
    var name: String
    /// Each cue's entries, in the order the file gives them (a cue may have several headings).
    var cues: [Cue: [Entry]] = [:]
    /// The cues in the order their first heading appears.
    var order: [Cue] = []
    /// Each named list's phrases.
    var lists: [String: [String]] = [:]

    /// One line under a cue: a phrase, or every phrase of a named list.
    enum Entry: Sendable, Hashable {
        case phrase(String)
        case list(String, line: Int)
    }

    /// The phrases of `cue` in this file, lists left as they are.
    func phrases(_ cue: Cue) -> [String] {
        (cues[cue] ?? []).compactMap { if case .phrase(let phrase) = $0 { phrase } else { nil } }
    }

    /// The longest entry, in characters: a line longer than this is a mistake (a pasted paragraph).
    static let longestEntry = 200

    /// Parses `text`, the content of the file `name`.
    ///
    /// - Throws: ``WordFileError`` naming the file, the line and the entry that is wrong.
    static func parse(_ text: String, name: String) throws(WordFileError) -> WordFile {
        var file = WordFile(name: name)
        enum Heading { case cue(Cue), list(String) }
        var heading: Heading?
        var seen: [String: Int] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fail(_ message: String) -> WordFileError {
                WordFileError(file: name, line: number, entry: String(line.prefix(80)), message: message)
            }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw fail("a heading ends with ]") }
                let inside = line.dropFirst().dropLast().trimmingWhitespace()
                if inside.hasPrefix("list ") {
                    let listName = inside.dropFirst(5).trimmingWhitespace()
                    guard !listName.isEmpty, listName.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                        throw fail("a list's name is letters and digits, as in [list harassmentStrong]")
                    }
                    heading = .list(listName)
                } else {
                    guard let cue = Cue.named[inside] else {
                        throw fail("\"\(inside.prefix(40))\" is not a cue; the cues are listed in docs/classifier.md, \"Adding words\"")
                    }
                    heading = .cue(cue)
                }
                seen = [:]
                continue
            }
            guard let heading else { throw fail("an entry before any [cue] heading") }
            guard line.count <= Self.longestEntry else { throw fail("longer than \(Self.longestEntry) characters") }
            if line.hasPrefix("+") {
                let list = line.dropFirst().trimmingWhitespace()
                guard case .cue(let cue) = heading else { throw fail("a list includes no other list; + name goes under a [cue]") }
                guard !list.isEmpty, list.allSatisfy({ $0.isLetter || $0.isNumber }) else { throw fail("+ names a list, as in + harassmentStrong") }
                if file.cues[cue] == nil { file.order.append(cue) }
                file.cues[cue, default: []].append(.list(list, line: number))
                continue
            }
            let words = line.split(separator: " ")
            if words.contains(where: { $0 == "~" || $0.dropLast().contains("~") }) {
                throw fail("~ goes only at the end of a word (kill~, cover~ up)")
            }
            if let first = seen[line] { throw fail("listed twice under this heading (first on line \(first))") }
            seen[line] = number
            switch heading {
            case .cue(let cue):
                if file.cues[cue] == nil { file.order.append(cue) }
                file.cues[cue, default: []].append(.phrase(line))
            case .list(let list): file.lists[list, default: []].append(line)
            }
        }
        return file
    }
}

/// What is wrong in a word file, and where.
public struct WordFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The line's text (at most 80 characters); empty for a file that cannot be read.
    public var entry: String
    public var message: String

    public var description: String {
        entry.isEmpty ? "\(file): \(message)" : "\(file):\(line): \"\(entry)\": \(message)"
    }
}

extension Cue {
    /// Each cue by its name as the word files write it ("groupOfChildren").
    static let named: [String: Cue] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}

extension StringProtocol {
    fileprivate func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
