/// A member of a school's staff, or a volunteer. Their own handles let Parapet know when a post
/// is by staff, which turns the staff clauses of a pack on.
public struct StaffMember: Codable, Sendable, Hashable {
    public enum Role: String, NamedChoice {
        case headteacher
        case deputyHeadteacher = "deputy_headteacher"
        case teacher
        case teachingAssistant = "teaching_assistant"
        case office, caretaker, volunteer, other
    }

    public var id: String
    public var name: String
    public var role: Role
    public var handles: [String: String]

    public init(id: String, name: String, role: Role, handles: [String: String] = [:]) {
        self.id = id
        self.name = name
        self.role = role
        self.handles = handles
    }
}
