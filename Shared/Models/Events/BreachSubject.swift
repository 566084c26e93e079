/// Someone a breach is about: a person on the school's roster, by id (never by name), or a
/// child or member of staff the post points at without naming.
///
/// On the wire: `{"kind": "staff", "id": "stf-001", "role": "headteacher"}`; `{"kind": "child"}`
/// for an unnamed child ("my son"), `{"kind": "staff"}` for an unnamed member of staff ("his
/// teacher").
public struct BreachSubject: Codable, Sendable, Hashable {
    public enum Kind: String, NamedChoice {
        case pupil, staff, governor
        /// A child the post speaks of without a roster name ("my daughter", "a year 3 boy").
        case child
    }

    public var kind: Kind
    /// The roster id; nil for someone the post does not name.
    public var id: String?
    /// A staff member's role (``StaffMember/Role``) or a governor's (``Governor/Role``), as
    /// the roster gives it.
    public var role: String?

    public init(kind: Kind, id: String? = nil, role: String? = nil) {
        self.kind = kind
        self.id = id
        self.role = role
    }

    /// The school's headteacher.
    public var isHeadteacher: Bool { kind == .staff && role == StaffMember.Role.headteacher.rawValue }

    /// The chair of the school's governors.
    public var isChairOfGovernors: Bool { kind == .governor && role == Governor.Role.chair.rawValue }

    /// A child: a roster pupil or one the post does not name.
    public var isChild: Bool { kind == .pupil || kind == .child }

    /// Someone who teaches: 141F of the Education Act 2002 protects "teachers" in its wide sense,
    /// anyone employed or engaged to teach, teaching assistants included.
    public var isTeacher: Bool {
        guard kind == .staff, let role, let known = StaffMember.Role(rawValue: role) else { return false }
        switch known {
        case .headteacher, .deputyHeadteacher, .teacher, .teachingAssistant: return true
        case .office, .caretaker, .volunteer, .other: return false
        }
    }
}
