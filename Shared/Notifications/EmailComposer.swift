import Foundation
import ParapetMail
import ParapetModels

/// What an email about one case needs to know, gathered by the notifier from the notification,
/// PostgreSQL and the trust's configuration. A pure value: composing from it reads nothing.
public struct CaseEmailFacts: Sendable {
    public var notification: CaseNotification
    public var trustName: String
    public var schoolName: String
    public var timeZone: TimeZone
    /// The case as stored; nil when it is not (the email then says only what the notification does).
    public let `case`: Case?
    /// The clauses the case breaks, in the school's pack.
    public var clauses: [PolicyClause]
    /// The latest post of the case and the evidence its verdict found in it.
    public var post: Post?
    public var evidence: [Evidence]
    /// Hides the school's roster pupils other than those the case is about; built once with the
    /// facts, however many recipients' emails are written from them.
    public let masker: NameMasker
    /// The recipient's name, to greet them.
    public var recipientName: String?
    /// `PARAPET_PUBLIC_URL` with the case's path.
    public var caseLink: URL

    public init(
        notification: CaseNotification, trustName: String, schoolName: String, timeZone: TimeZone, case: Case?, clauses: [PolicyClause],
        post: Post?, evidence: [Evidence], pupils: [Pupil], recipientName: String?, caseLink: URL
    ) {
        self.notification = notification
        self.trustName = trustName
        self.schoolName = schoolName
        self.timeZone = timeZone
        self.case = `case`
        self.clauses = clauses
        self.post = post
        self.evidence = evidence
        masker = NameMasker(pupils: pupils, keeping: Set((`case`?.about ?? []).filter { $0.kind == .pupil }.compactMap(\.id)))
        self.recipientName = recipientName
        self.caseLink = caseLink
    }

    /// Whether the email must leave out the post's words and the clause: an allegation against
    /// staff or a safeguarding concern (``Behaviour/isSensitive``).
    public var isSensitive: Bool {
        if `case`?.allegation != nil { return true }
        let behaviours = `case`?.behaviours ?? []
        return behaviours.contains(where: \.isSensitive) || clauses.contains { $0.behaviour.isSensitive }
    }

    /// The post's words as an email may quote them (``EmailComposer/quoted(_:evidence:masker:)``);
    /// nil for a sensitive case, or when the post is gone.
    public var quotedPost: [(text: String, marked: Bool)]? {
        guard !isSensitive, let post, !post.isRemoved else { return nil }
        return EmailComposer.quoted(post, evidence: evidence, masker: masker)
    }

    /// The concern in a head's words.
    public var concern: String {
        (`case`?.behaviours.first ?? clauses.first?.behaviour)?.plainName ?? "A breach of the social media policy"
    }
}

/// One minor case as a digest lists it.
public struct DigestItem: Sendable {
    public var notification: CaseNotification
    public var clause: PolicyClause?
    public var concern: String
    public var caseLink: URL
    /// The evidence from the post, masked; nil for a sensitive case or one whose post is gone.
    public var excerpt: String?

    public init(notification: CaseNotification, clause: PolicyClause?, concern: String, caseLink: URL, excerpt: String?) {
        self.notification = notification
        self.clause = clause
        self.concern = concern
        self.caseLink = caseLink
        self.excerpt = excerpt
    }
}

/// Writes the words of each email from its facts, through the templates.
public struct EmailComposer: Sendable {
    public let templates: EmailTemplates
    /// The most characters of a post quoted in an email.
    public static let quotedLength = 600

    public init(templates: EmailTemplates) {
        self.templates = templates
    }

    /// The email about one case: its kind's templates filled from `facts`.
    public func compose(_ facts: CaseEmailFacts) throws -> (text: String, html: String) {
        let kind = EmailKind(facts.notification.template)
        var context = common(facts)
        context["headline"] = headline(kind, facts)
        context["escalated"] = facts.notification.template == .caseEscalated
        context["stalled"] = facts.notification.template == .caseStalled
        if kind == .closed, case .closed(let reason, _)? = facts.case?.state {
            context["outcome"] = Self.outcome(reason)
        }
        return try templates.render(kind, context)
    }

    /// A digest: the day's minor cases of one school for one contact, grouped by clause.
    public func composeDigest(
        school: String, trustName: String, day: CalendarDate, items: [DigestItem], recipientName: String?
    ) throws -> (text: String, html: String) {
        var groups: [(key: String, quote: String?, concern: String, items: [DigestItem])] = []
        for item in items {
            let key = item.clause?.id ?? item.concern
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].items.append(item)
            } else {
                groups.append((key, item.clause?.quote, item.concern, [item]))
            }
        }
        let context: [String: Any] = [
            "school": school, "trust": trustName, "recipient_name": recipientName ?? "", "has_recipient_name": recipientName != nil,
            "day": Self.dayFormat(day), "count": items.count, "plural": items.count != 1,
            "groups": groups.map { group in
                [
                    "concern": group.concern, "quote": group.quote ?? "", "has_quote": group.quote != nil,
                    "cases": group.items.map { item in
                        [
                            "link": item.caseLink.absoluteString, "step": item.notification.step?.plainName ?? "",
                            "has_step": item.notification.step != nil, "excerpt": item.excerpt ?? "", "has_excerpt": item.excerpt != nil,
                        ] as [String: Any]
                    },
                ] as [String: Any]
            },
        ]
        return try templates.render(.digest, context)
    }

    /// The email carrying a one-time sign-in link, valid until `expires`.
    public func composeSignIn(
        trustName: String, link: URL, expires: Date, timeZone: TimeZone, recipientName: String?
    ) throws -> (text: String, html: String) {
        try templates.render(
            .signIn,
            [
                "trust": trustName, "link": link.absoluteString, "expires": Self.dateFormat(expires, in: timeZone),
                "recipient_name": recipientName ?? "", "has_recipient_name": recipientName != nil,
            ])
    }

    /// The words of a post as an email (or a case page) may quote them: names of children the
    /// case is not about masked, at most `limit` characters, the evidence marked.
    public static func quoted(
        _ post: Post, evidence: [Evidence], masker: NameMasker, limit: Int = quotedLength
    ) -> [(text: String, marked: Bool)] {
        let text = post.text
        let utf16 = text.utf16
        let spans = evidence.filter { $0.attachment == nil }.compactMap(\.span).filter { $0.end <= utf16.count }.sorted { $0.start < $1.start }
        var pieces: [(String, Bool)] = []
        var position = 0
        for span in spans where span.start >= position {
            if span.start > position { pieces.append((slice(text, position, span.start), false)) }
            pieces.append((slice(text, span.start, span.end), true))
            position = span.end
        }
        if position < utf16.count { pieces.append((slice(text, position, utf16.count), false)) }
        var left = limit
        var result: [(text: String, marked: Bool)] = []
        for (piece, marked) in pieces where left > 0 {
            let masked = masker.masked(piece)
            let kept = masked.count > left ? String(masked.prefix(left)) + "…" : masked
            left -= masked.count
            result.append((kept, marked))
        }
        return result
    }

    private static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        TextSpan(start: start, end: end).substring(of: text).map(String.init) ?? ""
    }

    // MARK: Context

    private func common(_ facts: CaseEmailFacts) -> [String: Any] {
        let notification = facts.notification
        var context: [String: Any] = [
            "school": facts.schoolName, "trust": facts.trustName, "concern": facts.concern, "link": facts.caseLink.absoluteString,
            "recipient_name": facts.recipientName ?? "", "has_recipient_name": facts.recipientName != nil,
            "sensitive": facts.isSensitive, "not_sensitive": !facts.isSensitive,
        ]
        if let severity = facts.case?.severity { context["severity"] = severity.rawValue }
        if let step = notification.step {
            context["step"] = step.plainName
            context["has_step"] = true
        }
        if let words = notification.nextStep {
            context["step_words"] = words
            context["has_step_words"] = true
        }
        if let deadline = notification.deadline {
            context["deadline"] = Self.dateFormat(deadline, in: facts.timeZone)
            context["has_deadline"] = true
        }
        guard !facts.isSensitive else { return context }
        let quotes = facts.clauses.compactMap { clause in clause.quote.map { ["quote": $0] } }
        context["clauses"] = quotes
        context["has_clauses"] = !quotes.isEmpty
        if let post = facts.post, let pieces = facts.quotedPost {
            context["post"] =
                [
                    "platform": Self.platformName(post.platform), "when": Self.dateFormat(post.createdAt, in: facts.timeZone),
                    "pieces": pieces.map { ["text": $0.text, "marked": $0.marked] as [String: Any] },
                ] as [String: Any]
            context["has_post"] = true
        }
        return context
    }

    private func headline(_ kind: EmailKind, _ facts: CaseEmailFacts) -> String {
        switch kind {
        case .alert: "\(facts.concern) at \(facts.schoolName)"
        case .update:
            facts.notification.template == .caseEscalated
                ? "A case at \(facts.schoolName) has moved to its next step" : "More posts have joined a case at \(facts.schoolName)"
        case .reminder:
            facts.notification.template == .caseStalled
                ? "A case at \(facts.schoolName) has had no step recorded" : "A case at \(facts.schoolName) is still waiting for you"
        case .ladoReminder: "The LADO referral for a case at \(facts.schoolName) is overdue"
        case .overdue: "No one at \(facts.schoolName) has acknowledged a case in time"
        case .closed: "A case at \(facts.schoolName) is closed"
        case .digest: "Today's minor cases at \(facts.schoolName)"
        case .signIn: "Your link to sign in to Parapet"
        }
    }

    public static func outcome(_ closure: CaseState.Closure) -> String {
        switch closure {
        case .upheld: "The breach was upheld."
        case .notABreach: "It was found not to be a breach."
        case .duplicate: "Another case covers the same thing."
        case .resolvedWithParent: "It was resolved with the parent."
        case .resolved: "It was resolved."
        case .postRemoved: "The post was removed."
        case .merged: "It was merged into another case."
        }
    }

    public static func platformName(_ platform: MonitoredAccount.Platform) -> String {
        switch platform {
        case .facebook: "Facebook"
        case .instagram: "Instagram"
        case .x: "X"
        case .forum: "a forum"
        case .website: "a website"
        }
    }

    /// "3:15pm on Tuesday 8 December 2026", in the trust's time zone. Written from the
    /// calendar's fields rather than by a `DateFormatter`, which is costly to make and not
    /// `Sendable` to keep.
    public static func dateFormat(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        let clock = "\(hour % 12 == 0 ? 12 : hour % 12):\(minute < 10 ? "0" : "")\(minute)\(hour < 12 ? "am" : "pm")"
        return "\(clock) on \(dayFormat(parts))"
    }

    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    private static func dayFormat(_ parts: DateComponents) -> String {
        let weekday = weekdays[((parts.weekday ?? 1) - 1 + 7) % 7]
        let month = months[((parts.month ?? 1) - 1 + 12) % 12]
        return "\(weekday) \(parts.day ?? 1) \(month) \(parts.year ?? 1970)"
    }

    /// "Tuesday 8 December 2026".
    static func dayFormat(_ day: CalendarDate) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) ?? Date()
        return dayFormat(calendar.dateComponents([.year, .month, .day, .weekday], from: date))
    }
}
