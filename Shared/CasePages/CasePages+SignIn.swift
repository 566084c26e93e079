import Foundation
import HTTPTypes
import Hummingbird
import ParapetEscalation
import ParapetModels
import ParapetStore

extension CasePages {
    /// `GET /sign-in`: the form asking for an email address.
    func signInForm(_ visit: inout Visit) async throws -> Response {
        let next = Self.safeNext(visit.request.uri.queryParameters["next"].map(String.init))
        if visit.leader != nil { return Response.redirect(to: next ?? "/cases") }
        ensureFormCookie(&visit)
        return try html(
            .ok, "sign_in",
            ["title": "Sign in", "next": next ?? "", "signed_out": visit.request.uri.queryParameters["signed_out"] != nil], &visit)
    }

    /// `POST /sign-in`: records a link request for a contact's address. The answer is the same
    /// whether or not the address is a contact's.
    func askForLink(_ visit: inout Visit) async throws -> Response {
        try await readForm(&visit)
        let email = (visit.form["email"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let next = Self.safeNext(visit.form["next"])
        guard email.count <= 254, email.split(separator: "@").count == 2, !email.contains(where: \.isWhitespace) else {
            visit.detail = "not an email address"
            return try html(
                .badRequest, "sign_in",
                [
                    "title": "Sign in", "next": next ?? "",
                    "error": "Enter the email address the school or trust has for you, like name@school.org.uk.",
                    "email": String(email.prefix(254)),
                ], &visit)
        }
        guard await throttle.allow(email: email, address: Self.remoteAddress(visit.request) ?? "direct") else {
            visit.detail = "sign-in throttled"
            throw PageProblem(
                status: .tooManyRequests, title: "Too many sign-in links asked for",
                message: "Parapet has sent as many links as it will for now. Use the newest email you have, or wait 15 minutes and ask again.")
        }
        var asked = 0
        for (trust, escalator) in await escalators() where !escalator.configuration.contacts(withEmail: email).isEmpty {
            _ = try await signIns.request(trust: trust, email: email, next: next)
            asked += 1
        }
        visit.detail = asked > 0 ? "sign-in link requested" : "sign-in asked for an address that is not a contact"
        return try html(.ok, "sign_in_sent", ["title": "Check your email", "email": email], &visit)
    }

    /// `GET /sign-in/{link}`: a button that uses the link. Opening the address alone changes
    /// nothing, so a mail scanner that follows links cannot use one up.
    func linkPage(_ visit: inout Visit, link: String) throws -> Response {
        guard AccessToken.parse(link) != nil else { throw Self.unknownLink }
        ensureFormCookie(&visit)
        let next = Self.safeNext(visit.request.uri.queryParameters["next"].map(String.init))
        return try html(.ok, "sign_in_link", ["title": "Sign in", "link": link, "next": next ?? ""], &visit)
    }

    /// `POST /sign-in/{link}`: uses the link once and starts a session.
    func useLink(_ visit: inout Visit, link: String) async throws -> Response {
        try await readForm(&visit)
        switch try await signIns.redeem(link, now: Date()) {
        case .success(let session):
            guard let text = session.text else { throw Self.unknownLink }
            visit.detail = "signed in"
            visit.setCookies = [
                Cookie(
                    name: Self.sessionCookie, value: text, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .lax),
                Cookie(name: Self.formCookie, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .lax),
            ]
            return Response.redirect(to: Self.safeNext(visit.form["next"]) ?? "/cases")
        case .failure(.used), .failure(.ended):
            throw PageProblem(
                status: .gone, title: "This link has been used",
                message: "Each sign-in link works once. Ask for a new one and use the newest email.")
        case .failure(.expired):
            throw PageProblem(
                status: .gone, title: "This link has expired", message: "Sign-in links work for 15 minutes. Ask for a new one.")
        case .failure(.unknown):
            throw Self.unknownLink
        }
    }

    /// `POST /sign-out`.
    func signOut(_ visit: inout Visit) async throws -> Response {
        try await readForm(&visit)
        if let leader = visit.leader { _ = try await signIns.end(leader.session.id) }
        visit.detail = "signed out"
        visit.setCookies.append(
            Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return Response.redirect(to: "/sign-in?signed_out=1")
    }

    static var unknownLink: PageProblem {
        PageProblem(
            status: .notFound, title: "This is not a sign-in link Parapet sent",
            message: "Check that the whole address was copied from the email, or ask for a new link.")
    }
}
