import Foundation

/// A school's social media policy read as plain text: its sentences in order, each with where it
/// stands (line, heading, the list it belongs to) and whom it is addressed to.
///
/// Policies are written as letters, agreements and lists, so a sentence alone rarely says who
/// must follow it: "Post information or opinions about the school" is a rule for staff only
/// because the list it is in began "We agree not to:" under the staff's agreement. The reader
/// carries that context down: a heading or a list's lead-in that names parents or staff sets
/// the audience of what follows, a sentence whose subject is staff ("Members of staff must
/// not…", "They must not…" after it) sets it for the rest of its paragraph, and a paragraph
/// that opens with staff ("The staff and governors of the school's agreement…") for what follows.
public struct PolicyDocument: Sendable {
    /// One sentence of the policy, verbatim.
    public struct Sentence: Sendable, Hashable {
        /// The sentence as written, without its list marker or a closing semicolon.
        public var text: String
        /// The line it starts on, counted from 1.
        public var line: Int
        /// Whom it is addressed to, from the sentence itself or its heading, list or paragraph.
        public var audience: Addressee
        /// Whether it is an item of a list (a bullet or a numbered point).
        public var isListItem: Bool
        /// Whether its list sets out what the policy is for ("The purpose of this policy is
        /// to:", "Objectives"): aims, not rules.
        public var isAim: Bool = false
    }

    /// Whom a sentence is addressed to.
    public enum Addressee: String, Sendable, Hashable {
        /// Parents, carers and the public: the default of a policy for parents.
        case parents
        /// Staff and volunteers.
        case staff
        /// Staff and governors together (a shared agreement).
        case staffAndGovernors
    }

    public let sentences: [Sentence]

    public init(text: String) {
        var sentences: [Sentence] = []
        var section: Addressee = .parents
        var list: Addressee?
        var aims = false
        for (line, raw) in Self.logicalLines(text) {
            let (body, isItem) = Self.unmarked(raw[...])
            guard !body.isEmpty else { continue }
            // "3. Expectations of staff and volunteers": a numbered section's title is a heading.
            // "All staff agree to" opens a list, though it reads like a heading.
            if (!isItem || Self.isSectionNumber(raw[...])) && Self.isHeading(body) && !Self.isLeadIn(body) {
                if let named = Self.addressee(named: body) { section = named }
                list = nil
                aims = Self.namesAims(body)
                continue
            }
            if !isItem {
                list = nil
                aims = false
            }
            // A paragraph whose subject is staff speaks for staff to its end ("They must not…").
            var paragraph: Addressee?
            for sentence in Self.sentences(in: body) {
                var audience = list ?? section
                if let subject = Self.addressee(subjectOf: sentence) {
                    paragraph = subject
                    audience = subject
                    // "The staff and governors of the school's agreement…" opens their part.
                    if !isItem && !Self.isLeadIn(body) { section = subject }
                } else if let paragraph {
                    audience = paragraph
                }
                sentences.append(Sentence(text: sentence, line: line, audience: audience, isListItem: isItem, isAim: isItem && aims))
            }
            if !isItem && Self.isLeadIn(body) {
                // "We agree not to:" keeps the section's audience; "All parents are invited… by:"
                // names its own.
                list = Self.addressee(named: body) ?? section
                aims = Self.namesAims(body)
            }
        }
        self.sentences = sentences
    }

    // MARK: - Lines

    /// The text's lines with hard-wrapped ones joined (a policy saved from a PDF or an email
    /// breaks its paragraphs every 80 characters): a line runs on into the next when it is long
    /// and stops mid-sentence, or when the next starts in lower case; never into a blank line
    /// or a list item. Each comes with the number of its first line.
    static func logicalLines(_ text: String) -> [(Int, String)] {
        var lines: [(Int, String)] = []
        var previous: Substring?
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            defer { previous = line }
            guard !line.isEmpty else { continue }
            let (_, isItem) = unmarked(line)
            if let previous, !previous.isEmpty, !isItem, !lines.isEmpty, runsOn(previous, into: line) {
                lines[lines.count - 1].1 += " " + line
            } else {
                lines.append((offset + 1, String(line)))
            }
        }
        return lines
    }

    private static func runsOn(_ line: Substring, into next: Substring) -> Bool {
        if let first = next.first, first.isLowercase { return true }
        guard let last = line.last, !".:;?!".contains(last) else { return false }
        // Longer than a heading ("Procedure the school will follow if inappropriate use continues").
        return line.split(separator: " ").count >= 13
    }

    /// The line without its list marker ("·", "•", "-", "*", "1.") and surrounding spaces, and
    /// whether it had one.
    static func unmarked(_ line: Substring) -> (String, Bool) {
        var text = line.trimmingWhitespace()
        var isItem = false
        if let first = text.first, Self.bulletMarks.contains(first) {
            text = text.dropFirst().trimmingWhitespace()
            isItem = true
        } else if let end = Self.numberingEnd(text) {
            text = text[end...].trimmingWhitespace()
            isItem = true
        }
        // A stray marker left at the end of a line ("…on social media ·").
        while let last = text.last, Self.bulletMarks.contains(last) { text = text.dropLast().trimmingWhitespace() }
        while text.hasSuffix(";") { text = text.dropLast().trimmingWhitespace() }
        return (String(text), isItem)
    }

    /// Where the text after a point's number starts ("1. ", "2.1 ", "2.1.3. ", "3) ", "(a) ",
    /// "b) "), or nil when the line is not numbered.
    static func numberingEnd(_ text: Substring) -> Substring.Index? {
        var index = text.startIndex
        if text.first == "(" { index = text.index(after: index) }
        let digits = text[index...].prefix { $0.isNumber || $0 == "." }
        let letter = text[index...].first.map { $0.isLetter && $0.isLowercase } ?? false
        let numberEnd: Substring.Index
        if !digits.isEmpty, digits.first!.isNumber {
            numberEnd = digits.endIndex
        } else if letter {
            numberEnd = text.index(after: index)
            guard numberEnd < text.endIndex, text[numberEnd] == ")" else { return nil }
        } else {
            return nil
        }
        var end = numberEnd
        if end < text.endIndex, text[end] == ")" { end = text.index(after: end) }
        // "2021 was…" or "3 parents" is a sentence, not a point: a number needs a dot or bracket.
        guard end < text.endIndex, text[end] == " ", digits.contains(".") || end != numberEnd else { return nil }
        return end
    }

    /// Whether the line opens with a section's number alone ("3. ", "4) "), not a point's ("3.2").
    static func isSectionNumber(_ line: Substring) -> Bool {
        let text = line.trimmingWhitespace()
        let digits = text.prefix { $0.isNumber }
        guard !digits.isEmpty, let end = numberingEnd(text) else { return false }
        return text[digits.endIndex..<end].trimmingWhitespace().count == 1
    }

    static let bulletMarks: Set<Character> = ["·", "•", "-", "*", "–", "▪", "◦"]

    /// A short line without closing punctuation: "Guidelines for Parents and Carers".
    static func isHeading(_ line: String) -> Bool {
        guard let last = line.last, !".:;?!,".contains(last) else { return false }
        return line.split(separator: " ").count <= 12 && !line.hasPrefix("*")
    }

    /// A line that opens a list: it ends in a colon, or in "agree to" / "by".
    static func isLeadIn(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasSuffix(":") || lower.hasSuffix("agree to") || lower.hasSuffix(" by")
    }

    /// A heading or lead-in that introduces the policy's aims rather than its rules.
    static func namesAims(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["purpose of this", "objectives", "aims of", "this policy is to", "this policy aims"].contains { lower.contains($0) }
            || lower.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) == "aims"
    }

    // MARK: - Sentences

    /// The sentences of one line: split after ".", "?" or "!" followed by a space and a capital
    /// letter, a digit or a quotation mark, except after an abbreviation ("e.g.", "etc.").
    static func sentences(in line: String) -> [String] {
        var found: [String] = []
        var start = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            let next = line.index(after: index)
            if ".?!".contains(character), next < line.endIndex, line[next] == " " {
                let after = line[next...].drop { $0 == " " }
                let word = line[start..<next].split(separator: " ").last.map { $0.lowercased() } ?? ""
                if let first = after.first, first.isUppercase || first.isNumber || "\"“‘'".contains(first),
                    !Self.abbreviations.contains(word)
                {
                    found.append(String(line[start..<next].trimmingWhitespace()))
                    start = after.startIndex
                    index = start
                    continue
                }
            }
            index = next
        }
        let rest = String(line[start...].trimmingWhitespace())
        if !rest.isEmpty { found.append(rest) }
        return found.filter { !$0.isEmpty }
    }

    static let abbreviations: Set<String> = ["e.g.", "eg.", "i.e.", "ie.", "etc.", "mr.", "mrs.", "ms.", "dr.", "no.", "(e.g.", "(eg."]

    // MARK: - Audience

    /// The audience a heading or lead-in names, the first named winning ("All parents are
    /// invited to join staff…" is for parents).
    static func addressee(named text: String) -> Addressee? {
        let lower = " " + text.lowercased() + " "
        let parent = ["parent", "carer", "guardian"].compactMap { lower.range(of: $0)?.lowerBound }.min()
        let staff = ["staff", "employee", "volunteer", "governor"].compactMap { lower.range(of: $0)?.lowerBound }.min()
        switch (parent, staff) {
        case (let parent?, let staff?): return parent < staff ? .parents : Self.staffKind(lower)
        case (.some, nil): return .parents
        case (nil, .some): return Self.staffKind(lower)
        case (nil, nil): return nil
        }
    }

    private static func staffKind(_ lower: String) -> Addressee {
        lower.contains("governor") && lower.contains("staff") ? .staffAndGovernors : .staff
    }

    /// The audience a sentence's own subject names: staff when it opens by naming them.
    static func addressee(subjectOf sentence: String) -> Addressee? {
        let opening = " " + sentence.lowercased().split(separator: " ").prefix(6).joined(separator: " ") + " "
        let markers = [
            " staff ", " member of staff", " members of staff", " employee", " volunteer", "anyone working in the school",
        ]
        guard markers.contains(where: { opening.contains($0) }) else { return nil }
        if opening.contains("parent") { return nil }
        return opening.contains("governor") ? .staffAndGovernors : .staff
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and carriage returns.
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{00A0}" }
        let string = Substring(self)
        guard let first = string.firstIndex(where: { !isSpace($0) }), let last = string.lastIndex(where: { !isSpace($0) }) else {
            return Substring("")
        }
        return Substring(string[first...last])
    }
}
