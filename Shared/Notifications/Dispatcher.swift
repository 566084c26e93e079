import Foundation
import Logging
import ParapetKafka
import ParapetMail
import ParapetModels
import ParapetPipeline
import ParapetStore

/// Turns polled notifications into emails (or digest entries), and due digests into emails.
struct Dispatcher: Sendable {
    let configuration: NotifierConfiguration
    let composer: EmailComposer
    /// One per lane.
    let couriers: [Courier]
    let facts: CaseFactsReader
    let digests: DigestStore
    let metrics: NotifierMetrics
    let logger: Logger

    // MARK: Notifications

    /// Sends or keeps every notification of a batch; returns what goes to the dead letters.
    /// One case's notifications share a lane and go in the order polled.
    func handle(_ messages: [KafkaMessage], trusts: [String: TrustConfiguration]) async throws -> [DeadLetter] {
        var refused: [DeadLetter] = []
        var lanes = Array(repeating: [(KafkaMessage, Envelope<CaseNotification>)](), count: couriers.count)
        for message in messages {
            switch Self.read(message) {
            case .success(let envelope):
                lanes[Self.lane(of: envelope.payload.caseID, among: couriers.count)].append((message, envelope))
            case .failure(let letter):
                refused.append(letter)
            }
        }
        return try await withThrowingTaskGroup(of: [DeadLetter].self) { group in
            for (index, lane) in lanes.enumerated() where !lane.isEmpty {
                group.addTask {
                    var refused: [DeadLetter] = []
                    for (message, envelope) in lane {
                        refused += try await process(message, envelope, trusts: trusts, courier: couriers[index])
                    }
                    return refused
                }
            }
            for try await letters in group { refused += letters }
            return refused
        }
    }

    /// The lane of a case: FNV-1a over the id's bytes, so ids that share a prefix still spread.
    static func lane(of id: UUID, among count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        withUnsafeBytes(of: id.uuid) { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return Int(hash % UInt64(max(1, count)))
    }

    private func process(
        _ message: KafkaMessage, _ envelope: Envelope<CaseNotification>, trusts: [String: TrustConfiguration], courier: Courier
    ) async throws -> [DeadLetter] {
        let notification = envelope.payload
        guard let trust = trusts[envelope.trust] else {
            return [DeadLetter(message: message, reason: .undeliverable, error: "no trust \"\(envelope.trust)\" in PostgreSQL's configuration")]
        }
        var refused: [DeadLetter] = []
        // Each recipient once, and only a contact of the case's school or of the trust: no one
        // hears of another school's case.
        var recipients: [(CaseNotification.Recipient, Contact)] = []
        var seen = Set<String>()
        for recipient in notification.recipients where seen.insert(recipient.email.lowercased()).inserted {
            if let contact = trust.contact(recipient.email, school: notification.school) {
                recipients.append((recipient, contact))
            } else {
                refused.append(
                    DeadLetter(
                        message: message, reason: .undeliverable,
                        error:
                            "notification \(notification.id.lowercasedString): \(recipient.email) is not a contact of \(notification.school) or of the trust"
                    ))
            }
        }
        if notification.mode == .digest {
            var kept = notification
            kept.recipients = recipients.map(\.0)
            guard !kept.recipients.isEmpty else { return refused }
            try await Retrying.untilDone("keep a notification for the digest", logger: logger) {
                try await digests.keep(kept, trust: envelope.trust)
            }
            metrics.keptForDigest(kept.recipients.count)
            return refused
        }
        let stored = try await Retrying.untilDone("read the case", logger: logger) { try await facts.read(case: notification.caseID) }
        var caseFacts = CaseEmailFacts(
            notification: notification, trustName: trust.trust.name, schoolName: trust.schoolName(notification.school),
            timeZone: trust.timeZone, case: stored.case,
            clauses: trust.effectivePack(for: notification.school)?.clauses(stored.case?.clauseIDs ?? []) ?? [], post: stored.post,
            evidence: stored.evidence, pupils: trust.pupils(of: notification.school), recipientName: nil,
            caseLink: configuration.caseLink(notification.caseID))
        for (recipient, contact) in recipients {
            caseFacts.recipientName = contact.name
            let (text, html) = try composer.compose(caseFacts)
            let email = Courier.Email(
                delivery: DeliveryLedger.Delivery(
                    notificationID: notification.id, recipient: recipient.email, trust: envelope.trust, school: notification.school,
                    caseID: notification.caseID, template: notification.template.rawValue,
                    messageID: courier.messageID(notification: notification.id, recipient: recipient.email),
                    subject: notification.subject),
                kind: EmailKind(notification.template), recipientName: contact.name, text: text, html: html,
                createdAt: notification.createdAt)
            if case .refused(let reply) = try await courier.deliver(email) {
                refused.append(
                    DeadLetter(
                        message: message, reason: .undeliverable,
                        error: "notification \(notification.id.lowercasedString): the mail server refused \(recipient.email): \(reply)"))
            }
        }
        return refused
    }

    /// A polled message, read.
    private enum Read {
        case success(Envelope<CaseNotification>)
        case failure(DeadLetter)
    }

    /// Reads one message of `parapet.notifications`; anything else is a dead letter.
    private static func read(_ message: KafkaMessage) -> Read {
        let event: IncomingEvent
        do {
            event = try IncomingEvent(json: Data(message.value))
        } catch {
            let reason: DeadLetter.Reason = if case .unknownSchema = error { .unknownSchema } else { .malformed }
            return .failure(DeadLetter(message: message, reason: reason, error: error.description))
        }
        guard case .notification(let envelope) = event else {
            return .failure(
                DeadLetter(message: message, reason: .wrongTopic, error: "a \(event.schema) message on \(ParapetTopic.notifications.name)"))
        }
        return .success(envelope)
    }

    // MARK: Digests

    /// Gathers each trust's due digest and sends every gathered digest not yet sent.
    func sendDueDigests(_ trusts: [String: TrustConfiguration]) async throws {
        let now = configuration.now()
        for (id, trust) in trusts.sorted(by: { $0.key < $1.key }) {
            let schedule = DigestSchedule(hour: configuration.digestHour, minute: configuration.digestMinute, timeZone: trust.timeZone)
            let (day, cutoff) = schedule.due(at: now)
            try await Retrying.untilDone("gather the digest", logger: logger) {
                try await digests.gather(trust: id, before: cutoff) { school, recipient in
                    MessageIdentity.digestID(trust: id, school: school, recipient: recipient, day: day)
                }
            }
            let pending = try await Retrying.untilDone("read the digests to send", logger: logger) { try await digests.unsent(trust: id) }
            for digest in pending { try await send(digest, trust: trust, day: day) }
        }
    }

    private func send(_ digest: DigestStore.Digest, trust: TrustConfiguration, day: CalendarDate) async throws {
        let courier = couriers[0]
        let pack = trust.effectivePack(for: digest.school)
        let schoolName = trust.schoolName(digest.school)
        let pupils = trust.pupils(of: digest.school)
        var items: [DigestItem] = []
        var listed = Set<UUID>()
        // The latest notification of each case, in the order the cases first appeared.
        for entry in digest.entries.reversed() where listed.insert(entry.caseID).inserted {
            let stored = try await Retrying.untilDone("read the case", logger: logger) { try await facts.read(case: entry.caseID) }
            let clause = pack?.clauses(Array((stored.case?.clauseIDs ?? []).prefix(1))).first
            let entryFacts = CaseEmailFacts(
                notification: entry, trustName: trust.trust.name, schoolName: schoolName, timeZone: trust.timeZone, case: stored.case,
                clauses: clause.map { [$0] } ?? [], post: stored.post, evidence: stored.evidence, pupils: pupils, recipientName: nil,
                caseLink: configuration.caseLink(entry.caseID))
            let excerpt = entryFacts.quotedPost.map { pieces in
                let marked = pieces.filter { $0.marked }.map { $0.text }
                return (marked.isEmpty ? pieces.map { $0.text } : marked).joined(separator: " … ")
            }
            items.append(
                DigestItem(notification: entry, clause: clause, concern: entryFacts.concern, caseLink: entryFacts.caseLink, excerpt: excerpt))
        }
        items.reverse()
        let contact = trust.contact(digest.recipient, school: digest.school)
        let (text, html) = try composer.composeDigest(
            school: schoolName, trustName: trust.trust.name, day: day, items: items, recipientName: contact?.name)
        let email = Courier.Email(
            delivery: DeliveryLedger.Delivery(
                notificationID: digest.id, recipient: digest.recipient, trust: digest.trust, school: digest.school, caseID: nil,
                template: EmailKind.digest.rawValue, messageID: courier.messageID(notification: digest.id, recipient: digest.recipient),
                subject: "Minor cases today – \(schoolName)"),
            kind: .digest, recipientName: contact?.name, text: text, html: html, createdAt: nil)
        _ = try await courier.deliver(email)
    }
}
