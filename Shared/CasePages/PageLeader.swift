import ParapetEscalation
import ParapetModels
import ParapetStore

/// A signed-in person as the pages know them: every place their address is a contact of the
/// trust. What they may see and do is decided per case from these, on the server.
struct PageLeader: Sendable {
    var session: SignInStore.Session
    var contacts: [Contact]

    /// Nil when the address is no longer a contact (the configuration changed since sign-in).
    init?(session: SignInStore.Session, configuration: TrustConfiguration) {
        let contacts = configuration.contacts(withEmail: session.email)
        guard !contacts.isEmpty else { return nil }
        self.session = session
        self.contacts = contacts
    }

    var trust: String { session.trust }
    var email: String { session.email }
    var name: String { contacts[0].name }

    /// Their trust-level contact entry, if they act for the whole trust.
    var trustContact: Contact? { contacts.first { $0.school == nil } }

    /// The schools they may see; nil for the whole trust.
    var schools: Set<String>? {
        trustContact == nil ? Set(contacts.compactMap(\.school)) : nil
    }

    /// Who acts when they act on a case of `school`: their entry for that school, else their
    /// trust-level one; nil when they are neither (the case is not theirs to see).
    func desk(for school: String) -> CaseDesk.Leader? {
        if let own = contacts.first(where: { $0.school == school }) {
            return CaseDesk.Leader(trust: trust, email: own.email, role: own.role, school: school)
        }
        return trustContact.map { CaseDesk.Leader(trust: trust, email: $0.email, role: $0.role, school: nil) }
    }

    /// What the audit log records as their role.
    var roleText: String { (trustContact ?? contacts[0]).role.rawValue }
}
