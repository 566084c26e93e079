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
    var people: [Int32: [Int32]]
}

/// What a pattern of the automaton stands for.
enum PatternPayload: Sendable {
    case cue(Cue)
    case name(Int32)
    case school(Int32)
}
