import ParapetModels

/// Who is told about a breach, and how urgently: the clause's own recipients and mode, with the
/// routes the policies imply and the law adds applied on top (docs/architecture.md, "Escalation
/// ladder"). Pure: the same school and breach always give the same answer.
public struct CaseRouter: Sendable {
    /// The school's contacts, then the trust's.
    public let contacts: [Contact]

    public init(school: String, configuration: TrustConfiguration) {
        contacts = configuration.contacts.filter { $0.school == school } + configuration.trust.contacts
    }

    /// A decision: who, and at once or in the digest.
    public struct Route: Sendable, Hashable {
        public var recipients: [CaseNotification.Recipient]
        public var mode: NotifyMode
        /// The roles asked for before anyone was left out, in order.
        public var roles: [ContactRole]
    }

    /// The roles a breach of `clause` goes to and the mode, before people are chosen.
    public static func roles(for clause: PolicyClause) -> (roles: [ContactRole], mode: NotifyMode) {
        var roles = clause.recipients
        var mode = clause.notify
        switch clause.behaviour {
        case .threatOfViolence, .hateSpeech, .grosslyObscene, .harassment:
            // A crime may have been committed: the safeguarding lead and the head at once.
            roles += [.designatedSafeguardingLead, .headteacher]
            mode = .immediate
        case .safeguardingExtremism:
            // The PREVENT route runs through the designated safeguarding leads.
            roles += [.designatedSafeguardingLead, .deputyDesignatedSafeguardingLead]
            mode = .immediate
        case .safeguardingConcern:
            roles += [.designatedSafeguardingLead]
            mode = .immediate
        case .staffContactWithPupils, .staffReferringToWorkplace, .staffPostingPupilImages, .staffReplyingAboutSchool:
            // A disciplinary matter for the head.
            roles += [.headteacher]
        case .pupilImagesSwimwearOrKit, .photoWithoutConsent:
            roles += [.headteacher]
        case .misplacedComplaint:
            mode = .digest
        default:
            break
        }
        if clause.severity == .critical { mode = .immediate }
        var seen = Set<ContactRole>()
        return (roles.filter { seen.insert($0).inserted }, mode)
    }

    /// Who is told about breaches of `clauses` (one verdict's), leaving out the people named in
    /// `about`: the person a post is about is never told of it, whatever roles they hold, and
    /// the next in the chain is told instead.
    public func route(_ clauses: [PolicyClause], about: Set<String> = []) -> Route {
        var roles: [ContactRole] = []
        var mode = NotifyMode.digest
        for clause in clauses {
            let (clauseRoles, clauseMode) = Self.roles(for: clause)
            for role in clauseRoles where !roles.contains(role) { roles.append(role) }
            if clauseMode == .immediate { mode = .immediate }
        }
        let excluded = Set(about.map(Self.comparable))
        var recipients: [CaseNotification.Recipient] = []
        var emails = Set<String>()
        for role in roles {
            for contact in people(for: role, excluding: excluded) where emails.insert(contact.email.lowercased()).inserted {
                recipients.append(CaseNotification.Recipient(role: contact.role, email: contact.email))
            }
        }
        return Route(recipients: recipients, mode: mode, roles: roles)
    }

    /// The contacts holding `role`; when every one of them is excluded (or the school has no
    /// one in the role), those of the next role in its chain (``ContactRole/chain``).
    func people(for role: ContactRole, excluding excluded: Set<String>) -> [Contact] {
        for role in role.chain {
            let allowed = contacts.filter { $0.role == role && !excluded.contains(Self.comparable($0.name)) }
            if !allowed.isEmpty { return allowed }
        }
        return []
    }

    /// A name as compared with another: case and spacing ignored.
    static func comparable(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension ContactRole {
    /// This role, then who is told instead when no one holding it may be: a safeguarding lead's
    /// line goes to the other safeguarding lead and then the head, the head's to the chair of
    /// governors, the chair's to the trust safeguarding lead.
    public var chain: [ContactRole] {
        switch self {
        case .designatedSafeguardingLead:
            [.designatedSafeguardingLead, .deputyDesignatedSafeguardingLead, .headteacher, .chairOfGovernors, .trustSafeguardingLead]
        case .deputyDesignatedSafeguardingLead:
            [.deputyDesignatedSafeguardingLead, .designatedSafeguardingLead, .headteacher, .chairOfGovernors, .trustSafeguardingLead]
        case .headteacher: [.headteacher, .chairOfGovernors, .trustSafeguardingLead]
        case .chairOfGovernors: [.chairOfGovernors, .trustSafeguardingLead]
        case .trustSafeguardingLead: [.trustSafeguardingLead]
        }
    }
}
