/// Who or what made something happen to a case.
public struct CaseActor: Codable, Sendable, Hashable {
    public enum Kind: String, NamedChoice {
        /// A Parapet service, such as `escalation`.
        case service
        /// A school or trust leader, acting through the case API.
        case leader
        /// A trust IT operator, acting through the `parapet` CLI.
        case `operator`
    }

    public var kind: Kind
    /// The service's name, the leader's email address, or the operator's user name.
    public var name: String

    public init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// The Parapet service `name`.
    public static func service(_ name: String) -> CaseActor { CaseActor(kind: .service, name: name) }
    /// The leader with email address `email`.
    public static func leader(_ email: String) -> CaseActor { CaseActor(kind: .leader, name: email) }
    /// The operator `name`.
    public static func `operator`(_ name: String) -> CaseActor { CaseActor(kind: .operator, name: name) }
}
