import Foundation
import ParapetModels

/// A trust compiled for matching: one vocabulary and one automaton over the word lists, every
/// roster name and every school name; the people and accounts they point at; each school's pack.
///
/// A class, built once per engine and never changed: each post's context holds a reference
/// rather than a copy of a dozen tables (a copy retains every one of them).
final class CompiledTrust: Sendable {
    let trust: String
    let vocabulary: WordTable
    let automaton: PhraseAutomaton
    /// Each pattern's length and what it stands for, by the automaton's ending slot (the pattern
    /// `automaton.endingPattern(slot)`): matching reads a found pattern with one cache miss,
    /// where a table by pattern id read after the automaton's own list cost two dependent ones.
    let endingPatterns: [Pattern]
    let names: [NameEntry]
    let people: [Person]
    /// Each person's kind, by person: what matching reads of a person for every name found,
    /// kept apart from the rest so it does not pull a whole `Person` into cache.
    let kinds: [Person.Kind]
    /// Lower-cased handles (no "@") to the person they belong to.
    let handles: StringTable<Int32>
    let schools: [CompiledSchool]
    let schoolIndex: StringTable<Int32>
    let accounts: StringTable<CompiledAccount>
    /// Each school's headteachers and chairs of governors, by school index: who "the head" and
    /// "the chair" mean.
    let heads: [[Int32]]
    let chairs: [[Int32]]
    /// Words `*` may hide, by length.
    let disguiseTargets: [Int: [(word: [UInt8], term: Int32)]]
    /// Terms that are alone a first or known-as name pattern ("hope", "matt"): the words
    /// `PeopleDetector.recoveredNames` may take back as names.
    let recoverableNameTerms: BitSet

    init(configuration: TrustConfiguration, packVersions: [String: Int], rulesetVersion: String) {
        trust = configuration.trust.id
        var people: [Person] = []
        var handles = StringTable<Int32>()
        /// The last person listed with a handle has it.
        func addHandle(_ handle: String, person: Int32) {
            handles.set(person, for: Self.handleKey(handle))
        }
        var schools: [CompiledSchool] = []
        var schoolIndex = StringTable<Int32>()
        var accounts = StringTable<CompiledAccount>()
        var builder = Builder()
        for (cue, phrases) in Lexicon.all + TrustLexicon.cues(of: configuration.trust) {
            for phrase in phrases {
                for words in Self.expand(phrase) {
                    let id = builder.add(words, payload: .cue(cue))
                    if Lexicon.disguiseTargets.contains(cue), words.count == 1, let id {
                        builder.disguiseTargets[words[0].count, default: []].append((words[0], builder.patterns[Int(id)][0]))
                    }
                }
            }
        }
        for (index, school) in configuration.schools.enumerated() {
            schoolIndex.set(Int32(index), for: school.id)
            for variant in Self.schoolNameVariants(school) {
                builder.add(variant, payload: .school(Int32(index)))
            }
        }
        var nameIndex: [[UInt8]: Int32] = [:]
        func addName(_ text: String, form: NameForm, person: Int32, school: Int32) {
            let words = Self.words(of: text)
            guard !words.isEmpty else { return }
            let key = Array(words.joined(separator: [0x20])) + [form.rawValue]
            if let existing = nameIndex[key] {
                builder.names[Int(existing)].add(person, school: school)
                return
            }
            let id = Int32(builder.names.count)
            let ordinary = words.count == 1 && OrdinaryWords.names.contains(String(decoding: words[0], as: UTF8.self))
            var entry = NameEntry(form: form, isOrdinaryWord: ordinary)
            entry.add(person, school: school)
            builder.names.append(entry)
            nameIndex[key] = id
            builder.add(words, payload: .name(id))
        }
        for roster in configuration.rosters {
            guard let school = schoolIndex[roster.school] else { continue }
            for pupil in roster.pupils {
                let person = Int32(people.count)
                people.append(Person(kind: .pupil, id: pupil.id, school: school, photoConsent: pupil.photoConsent, age: pupil.age))
                let parts = pupil.name.split(separator: " ").map(String.init)
                addName(pupil.name, form: .full, person: person, school: school)
                if let (first, last) = Self.firstAndSurname(parts) {
                    if parts.count > 2 { addName("\(first) \(last)", form: .full, person: person, school: school) }
                    addName(first, form: .first, person: person, school: school)
                    for known in pupil.knownAs {
                        addName("\(known) \(last)", form: .full, person: person, school: school)
                        addName(known, form: .knownAs, person: person, school: school)
                    }
                }
                for handle in pupil.handles.values { addHandle(handle, person: person) }
            }
            func addAdult(
                id: String, name: String, kind: Person.Kind, role: StaffMember.Role?, governorRole: Governor.Role? = nil,
                handles adultHandles: [String: String]
            ) {
                let person = Int32(people.count)
                people.append(
                    Person(kind: kind, id: id, school: school, photoConsent: true, age: nil, role: role, governorRole: governorRole))
                let parts = name.split(separator: " ").map(String.init)
                addName(name, form: .full, person: person, school: school)
                if let (first, last) = Self.firstAndSurname(parts) {
                    if parts.count > 2 { addName("\(first) \(last)", form: .full, person: person, school: school) }
                    for title in ["mr", "mrs", "ms", "miss", "mx", "dr", "sir"] {
                        addName("\(title) \(last)", form: .titled, person: person, school: school)
                    }
                }
                for handle in adultHandles.values { addHandle(handle, person: person) }
            }
            for member in roster.staff {
                addAdult(id: member.id, name: member.name, kind: .staff, role: member.role, handles: member.handles)
            }
            for governor in roster.governors {
                addAdult(
                    id: governor.id, name: governor.name, kind: .governor, role: nil, governorRole: governor.role, handles: governor.handles)
            }
        }
        vocabulary = builder.vocabulary
        let automaton = PhraseAutomaton(patterns: builder.patterns, termCount: builder.vocabulary.count)
        self.automaton = automaton
        let patterns = zip(builder.patterns, builder.payloads).map { Pattern(length: Int32($0.count), payload: $1) }
        endingPatterns = (0..<automaton.endingSlotCount).map { patterns[Int(automaton.endingPattern($0))] }
        names = builder.names
        disguiseTargets = builder.disguiseTargets
        var recoverable = BitSet(capacity: builder.vocabulary.count)
        for (pattern, payload) in zip(builder.patterns, builder.payloads) where pattern.count == 1 {
            if case .name(let entry) = payload, builder.names[Int(entry)].form == .first || builder.names[Int(entry)].form == .knownAs {
                recoverable.insert(pattern[0])
            }
        }
        recoverableNameTerms = recoverable
        for account in configuration.accounts { accounts.set(CompiledAccount(account), for: account.id) }
        for (index, school) in configuration.schools.enumerated() {
            let pack = configuration.effectivePack(for: school.id) ?? configuration.defaultPack
            schools.append(
                CompiledSchool(
                    index: Int32(index), school: school, pack: pack, version: packVersions[school.id] ?? 0, rulesetVersion: rulesetVersion))
        }
        var heads = [[Int32]](repeating: [], count: configuration.schools.count)
        var chairs = [[Int32]](repeating: [], count: configuration.schools.count)
        for (index, person) in people.enumerated() where heads.indices.contains(Int(person.school)) {
            if person.role == .headteacher { heads[Int(person.school)].append(Int32(index)) }
            if person.governorRole == .chair { chairs[Int(person.school)].append(Int32(index)) }
        }
        self.heads = heads
        self.chairs = chairs
        self.people = people
        kinds = people.map(\.kind)
        self.handles = handles
        self.schools = schools
        self.schoolIndex = schoolIndex
        self.accounts = accounts
    }

    struct Builder {
        var vocabulary = WordTable(capacity: 1 << 13)
        var patterns: [[Int32]] = []
        var payloads: [PatternPayload] = []
        var names: [NameEntry] = []
        var disguiseTargets: [Int: [(word: [UInt8], term: Int32)]] = [:]

        @discardableResult
        mutating func add(_ words: [[UInt8]], payload: PatternPayload) -> Int32? {
            guard !words.isEmpty else { return nil }
            let terms = words.map { vocabulary.intern($0) }
            patterns.append(terms)
            payloads.append(payload)
            return Int32(patterns.count - 1)
        }
    }

    /// A phrase's token sequences: `~` endings expanded, apostrophe splits also joined.
    static func expand(_ phrase: String) -> [[[UInt8]]] {
        var variants: [[String]] = [[]]
        for word in phrase.split(separator: " ") {
            let forms: [String] = word.hasSuffix("~") ? Lexicon.endings.map { word.dropLast() + $0 } : [String(word)]
            variants = variants.flatMap { prefix in forms.map { prefix + [$0] } }
        }
        var result: [[[UInt8]]] = []
        for variant in variants {
            let words = Self.words(of: variant.joined(separator: " "))
            guard !words.isEmpty else { continue }
            result.append(words)
            // "don t" is also typed "dont"; "i m" also "im".
            let joinable: Set<[UInt8]> = [
                Array("t".utf8), Array("s".utf8), Array("re".utf8), Array("ll".utf8), Array("m".utf8), Array("ve".utf8), Array("d".utf8),
            ]
            if words.count > 1, words.dropFirst().contains(where: joinable.contains) {
                var joined: [[UInt8]] = []
                for word in words {
                    if joinable.contains(word), let last = joined.popLast() { joined.append(last + word) } else { joined.append(word) }
                }
                result.append(joined)
            }
        }
        return result
    }

    /// The folded words of `text`, as the tokenizer reads them, digits kept as digits: word
    /// lists and names are written plainly, so "y3" means year 3, not "ye".
    static func words(of text: String) -> [[UInt8]] {
        let tokenized = Tokenizer.tokenize(text)
        return tokenized.tokens.indices.map { Array(tokenized.plain($0)) }
    }

    /// Words that belong to the surname after them ("da Silva", "de Gruchy", "van der Berg").
    static let surnameParticles: Set<String> = [
        "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "la", "le", "van", "von", "mac", "mc", "st", "ter", "ten",
        "al", "el", "bin", "ibn",
    ]

    /// A name's first word and its surname with any particles: "Afonso da Silva" from
    /// "Afonso Miguel da Silva".
    static func firstAndSurname(_ parts: [String]) -> (first: String, surname: String)? {
        guard parts.count > 1, let first = parts.first else { return nil }
        var start = parts.count - 1
        while start > 1, surnameParticles.contains(parts[start - 1].lowercased()) { start -= 1 }
        return (first, parts[start...].joined(separator: " "))
    }

    /// A handle as the roster index keys it: trimmed, without a leading "@", lower case.
    static func handleKey(_ handle: String) -> String {
        // Most handles are already keys (lower case, trimmed, no "@"): return them as they are,
        // without building a copy.
        if isKey(handle) { return handle }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(handle.utf8.count)
        var ascii = true
        for byte in handle.utf8 {
            if byte >= 0x80 { ascii = false }
            bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        guard ascii else {
            var key = handle.lowercased().trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("@") { key.removeFirst() }
            return key
        }
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: "@") { start += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether `handleKey` would return `handle` unchanged: ASCII without capitals, not starting
    /// with a space, tab or "@", not ending with a space or tab.
    private static func isKey(_ handle: String) -> Bool {
        let utf8 = handle.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first == 0x20 || first == 0x09 || first == UInt8(ascii: "@") || last == 0x20 || last == 0x09 { return false }
        return !utf8.contains { $0 >= 0x80 || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
    }

    /// The words of a school's name that tell no school from another ("primary", "ce", "the").
    static let genericSchoolWords: Set<String> = WordBook.set("schoolNameGenericWords")

    /// "Stour Provost Primary School" is also "Stour Provost", "Stour Provost Primary" and
    /// "Stour Provost School"; "Levens CE School" is also "Levens".
    static func schoolNameVariants(_ school: School) -> [[[UInt8]]] {
        let generic = Self.genericSchoolWords
        let words = Self.words(of: school.name)
        var variants: [[[UInt8]]] = [words]
        var core = words
        while let last = core.last, generic.contains(String(decoding: last, as: UTF8.self)), core.count > 1 { core.removeLast() }
        if core.count != words.count {
            variants.append(core)
            variants.append(core + [Array("school".utf8)])
            variants.append(core + [Array("primary".utf8)])
        }
        // A distinctive first word alone ("Trimley", "Levens", "Stour") names the school too.
        if let first = core.first, core.count > 1 || core.count != words.count, first.count >= 5,
            !generic.contains(String(decoding: first, as: UTF8.self))
        {
            variants.append([first])
        }
        if let website = school.website, let host = website.split(separator: "/").first(where: { $0.contains(".") }) {
            variants.append(Self.words(of: String(host)))
        }
        variants += school.alsoKnownAs.map(Self.words(of:)).filter { !$0.isEmpty }
        return variants
    }
}
