/// A person who receives Parapet's emails, by role.
public struct Contact: Codable, Sendable, Hashable {
    /// The school, or nil for a trust-level contact.
    public var school: String?
    public var role: ContactRole
    public var name: String
    public var email: String

    public init(school: String?, role: ContactRole, name: String, email: String) {
        self.school = school
        self.role = role
        self.name = name
        self.email = email
    }
}

/// The roles that receive notifications.
public enum ContactRole: String, NamedChoice {
    case headteacher
    case designatedSafeguardingLead = "designated_safeguarding_lead"
    case deputyDesignatedSafeguardingLead = "deputy_designated_safeguarding_lead"
    case chairOfGovernors = "chair_of_governors"
    case trustSafeguardingLead = "trust_safeguarding_lead"

    /// Roles every school must have a contact for.
    public static let requiredPerSchool: [ContactRole] = [.headteacher, .designatedSafeguardingLead, .chairOfGovernors]
}
