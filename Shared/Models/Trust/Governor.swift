/// A member of a school's governing body.
public struct Governor: Codable, Sendable, Hashable {
    public enum Role: String, NamedChoice {
        case chair
        case viceChair = "vice_chair"
        case governor
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
