import ParapetModels

/// Someone on a school's roster, as the matcher needs them. Names stay in memory only: they are
/// never logged.
struct Person: Sendable {
    enum Kind: Sendable { case pupil, staff, governor }

    var kind: Kind
    var id: String
    var school: Int32
    var photoConsent: Bool
    var age: Pupil.Age?
    var role: StaffMember.Role?
    var governorRole: Governor.Role? = nil

    /// The person as a breach names them: by roster id and role, never by name.
    var subject: BreachSubject {
        switch kind {
        case .pupil: BreachSubject(kind: .pupil, id: id)
        case .staff: BreachSubject(kind: .staff, id: id, role: role?.rawValue)
        case .governor: BreachSubject(kind: .governor, id: id, role: governorRole?.rawValue)
        }
    }
}

/// How a name was written: "Evie Bisson" is a full name, "Evie" a first name.
enum NameForm: UInt8, Sendable {
    case full, first, knownAs, titled
}

/// One name pattern and everyone it may mean, by school.
struct NameEntry: Sendable {
    var form: NameForm
    /// A first name that is also an everyday word ("Will", "Hope", "Grace"): it counts as a
    /// name only when written with a capital inside a sentence.
    var isOrdinaryWord: Bool
    /// The schools whose rosters have the name, and each one's people with it, in the same
    /// order: a name is held by a few schools, and a short scan of them costs less than hashing
    /// the school for a dictionary every time the name is found in a post.
    private var schools: [Int32] = []
    private var lists: [[Int32]] = []

    init(form: NameForm, isOrdinaryWord: Bool) {
        self.form = form
        self.isOrdinaryWord = isOrdinaryWord
    }

    /// Everyone of `school` with this name, nil if none.
    func people(of school: Int32) -> [Int32]? {
        for index in schools.indices where schools[index] == school { return lists[index] }
        return nil
    }

    /// Adds `person` of `school` to those with the name, after any added before.
    mutating func add(_ person: Int32, school: Int32) {
        if let index = schools.firstIndex(of: school) {
            lists[index].append(person)
        } else {
            schools.append(school)
            lists.append([person])
        }
    }
}

/// A pattern of the automaton as matching reads it.
struct Pattern: Sendable {
    /// In words.
    var length: Int32
    var payload: PatternPayload
}

/// What a pattern of the automaton stands for.
enum PatternPayload: Sendable {
    case cue(Cue)
    case name(Int32)
    case school(Int32)
}
