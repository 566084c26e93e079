import Foundation
import Logging
import ParapetModels
import ParapetPipeline
import ParapetStore

/// Emails the sign-in links leaders ask for on the sign-in page (`sign_in_requests`). The link
/// is made here, just before the email is written, so its secret exists only in that email;
/// the email goes through the ``Courier`` and its ledger like every other, once.
struct SignInMailer: Sendable {
    let store: SignInStore
    let composer: EmailComposer
    let courier: Courier
    let publicURL: URL
    /// How long a link works; a request older than this is not worth sending.
    let validFor: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    /// Emails a link for every request waiting, or drops it when it is stale or not a contact's.
    func sendPending(_ trusts: [String: TrustConfiguration]) async throws {
        let pending = try await Retrying.untilDone("read the sign-in requests", logger: logger) { try await store.pendingRequests() }
        for request in pending {
            try await send(request, trusts: trusts)
            try await Retrying.untilDone("mark a sign-in request handled", logger: logger) { try await store.markHandled(request.id) }
        }
    }

    private func send(_ request: SignInStore.Request, trusts: [String: TrustConfiguration]) async throws {
        let date = now()
        let metadata: Logger.Metadata = ["request": "\(request.id.lowercasedString)", "trust": "\(request.trust)"]
        guard date.timeIntervalSince(request.requestedAt) < validFor / .seconds(1) else {
            logger.info("a sign-in request waited longer than a link lasts; not sent", metadata: metadata)
            return
        }
        // The page checked this too; the configuration may have changed since.
        guard let trust = trusts[request.trust], let contact = trust.contacts(withEmail: request.email).first else {
            logger.info("a sign-in request for an address that is not a contact; not sent", metadata: metadata)
            return
        }
        let link = try await Retrying.untilDone("make a sign-in link", logger: logger) {
            try await store.issueLink(trust: request.trust, email: contact.email, validFor: validFor, now: date)
        }
        let (text, html) = try composer.composeSignIn(
            trustName: trust.trust.name, link: Self.url(publicURL, link: link.text, next: request.next), expires: link.expiresAt,
            timeZone: trust.timeZone, recipientName: contact.name)
        let email = Courier.Email(
            delivery: DeliveryLedger.Delivery(
                notificationID: request.id, recipient: contact.email, trust: request.trust, school: contact.school, caseID: nil,
                template: EmailKind.signIn.rawValue, messageID: courier.messageID(notification: request.id, recipient: contact.email),
                subject: "Your link to sign in to Parapet"),
            kind: .signIn, recipientName: contact.name, text: text, html: html, createdAt: request.requestedAt)
        _ = try await courier.deliver(email)
    }

    /// `PARAPET_PUBLIC_URL/sign-in/<link>`, with the page to open after it.
    static func url(_ publicURL: URL, link: String, next: String?) -> URL {
        let url = publicURL.appending(path: "sign-in").appending(path: link)
        guard let next else { return url }
        return url.appending(queryItems: [URLQueryItem(name: "next", value: next)])
    }
}
