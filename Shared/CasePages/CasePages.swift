import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ParapetCaseAPI
import ParapetCodecs
import ParapetEscalation
import ParapetModels
import ParapetPostgres
import ParapetStore

/// The leaders' pages (docs/architecture.md, "Case pages"), served with the case API by the
/// escalation service: sign-in by a one-time emailed link, my cases, a case with its forms, and
/// the trust overview. Plain HTML and CSS, no script.
///
/// Every page is rendered from the templates with every value escaped, sent with a strict
/// Content-Security-Policy, and audited as the API's requests are. Every form carries a
/// ``FormToken``; a case of a school the leader does not cover is answered 404, as one that is
/// not there.
public struct CasePages: Sendable {
    let configuration: CasePagesConfiguration
    let templates: PageTemplates
    let styleSheet: String
    let desk: CaseDesk
    let reader: CaseReader
    let cases: CaseStore
    let signIns: SignInStore
    let audit: AuditLog
    let escalators: @Sendable () async -> [String: Escalator]
    let throttle: SignInThrottle
    let now: @Sendable () -> Date
    let logger: Logger

    static let sessionCookie = "parapet_session"
    static let formCookie = "parapet_form"
    static let bodyLimit = 64 * 1024

    public init(
        configuration: CasePagesConfiguration, desk: CaseDesk, postgres: PostgresClient,
        escalators: @escaping @Sendable () async -> [String: Escalator], now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) async throws {
        self.configuration = configuration
        templates = try await PageTemplates.bundled()
        styleSheet = try PageTemplates.styleSheet()
        self.desk = desk
        reader = CaseReader(postgres: postgres)
        cases = CaseStore(client: postgres)
        signIns = SignInStore(client: postgres)
        audit = AuditLog(client: postgres)
        self.escalators = escalators
        throttle = SignInThrottle(
            perEmail: configuration.signInsPerEmail, perAddress: configuration.signInsPerAddress, window: configuration.throttleWindow)
        self.now = now
        self.logger = logger
    }

    public func install(on router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in Response.redirect(to: "/cases") }
        router.get("/assets/parapet.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600", .xContentTypeOptions: "nosniff"],
                body: .init(byteBuffer: ByteBuffer(string: styleSheet)))
        }
        router.get("/sign-in") { request, _ in try await visit(request) { visit in try await signInForm(&visit) } }
        router.post("/sign-in") { request, _ in try await visit(request) { visit in try await askForLink(&visit) } }
        router.get("/sign-in/:link") { request, context in
            try await visit(request) { visit in try linkPage(&visit, link: context.parameters.get("link") ?? "") }
        }
        router.post("/sign-in/:link") { request, context in
            try await visit(request) { visit in try await useLink(&visit, link: context.parameters.get("link") ?? "") }
        }
        router.post("/sign-out") { request, _ in try await visit(request, signedIn: true) { visit in try await signOut(&visit) } }
        router.get("/cases") { request, _ in try await visit(request, signedIn: true) { visit in try await myCases(&visit) } }
        router.get("/cases/:id") { request, context in
            let id = UUID(uuidString: context.parameters.get("id") ?? "")
            return try await visit(request, signedIn: true, caseID: id) { visit in try await casePage(&visit, id: id) }
        }
        router.post("/cases/:id/actions") { request, context in
            let id = UUID(uuidString: context.parameters.get("id") ?? "")
            return try await visit(request, signedIn: true, caseID: id) { visit in try await act(&visit, id: id) }
        }
        router.get("/trust") { request, _ in try await visit(request, signedIn: true) { visit in try await trustOverview(&visit) } }
    }

    // MARK: Every request

    /// One request to the pages: who is asking, and the secret their forms' tokens derive from.
    struct Visit {
        var request: Request
        var leader: PageLeader?
        var escalator: Escalator?
        var cookieSecret: String?
        var setCookies: [Cookie] = []
        /// The action recorded, for the audit log.
        var detail: String?
        var form: [String: String] = [:]

        var formToken: String { cookieSecret.map(FormToken.token(for:)) ?? "" }
    }

    /// Finds who is signed in, runs `body`, renders any problem as a page, adds the security
    /// headers and cookies, and audits the request.
    private func visit(
        _ request: Request, signedIn: Bool = false, caseID: UUID? = nil, _ body: (inout Visit) async throws -> Response
    ) async throws -> Response {
        var visit = Visit(request: request)
        var response: Response
        var outcome: AuditLog.Entry.Outcome = request.method == .get ? .read : .write
        do {
            try await identify(&visit)
            if signedIn, visit.leader == nil {
                outcome = .denied
                visit.detail = "not signed in"
                response =
                    request.method == .get
                    ? Response.redirect(to: "/sign-in?next=\(Self.safeNext(request.uri.path) ?? "/cases")")
                    : try problemPage(
                        PageProblem(status: .unauthorized, title: "Please sign in again", message: "You were signed out. Nothing was changed."),
                        &visit)
            } else {
                response = try await body(&visit)
            }
        } catch let problem as PageProblem {
            outcome = .denied
            visit.detail = problem.title
            response = try problemPage(problem, &visit)
        } catch {
            logger.error("case page failed", metadata: ["path": "\(Self.auditedPath(request.uri.path))", "error": "\(error)"])
            outcome = .denied
            visit.detail = "internal error"
            response = try problemPage(
                PageProblem(
                    status: .internalServerError, title: "Something went wrong",
                    message: "Parapet could not show this page. Nothing was changed. Try again in a minute; if it keeps happening, tell trust IT."),
                &visit)
        }
        for cookie in visit.setCookies { response.setCookie(cookie) }
        Self.secure(&response.headers)
        await record(visit, outcome: outcome, caseID: caseID, status: response.status.code)
        return response
    }

    /// Reads the session cookie (ending an idle or unknown session) or the form cookie.
    func identify(_ visit: inout Visit) async throws {
        if let text = visit.request.cookies[Self.sessionCookie]?.value {
            if case .success(let session) = try await signIns.session(text, idle: configuration.idleTimeout, now: Date()),
                let escalator = await escalators()[session.trust], let leader = PageLeader(session: session, configuration: escalator.configuration)
            {
                visit.leader = leader
                visit.escalator = escalator
                visit.cookieSecret = text
                return
            }
            visit.setCookies.append(cookie(Self.sessionCookie, "", maxAge: 0))
        }
        visit.cookieSecret = visit.request.cookies[Self.formCookie]?.value
    }

    /// Gives a visitor without a session a form cookie, so their forms can carry a token.
    func ensureFormCookie(_ visit: inout Visit) {
        guard visit.cookieSecret == nil else { return }
        let secret = HexDigit.lowercased(AccessToken.newSecret())
        visit.cookieSecret = secret
        visit.setCookies.append(cookie(Self.formCookie, secret, maxAge: nil))
    }

    /// Reads the posted form and checks its token against the visitor's cookie.
    func readForm(_ visit: inout Visit) async throws {
        let request = visit.request
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.bodyLimit)
        } catch {
            throw PageProblem(status: .contentTooLarge, title: "That was too long", message: "The form held more than 64 KB. Nothing was changed.")
        }
        visit.form = Self.formFields(String(buffer: buffer))
        guard FormToken.matches(visit.form["form_token"], secret: visit.cookieSecret) else { throw PageProblem.staleForm() }
    }

    /// `application/x-www-form-urlencoded` fields; the last of a repeated name wins.
    static func formFields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first else { continue }
            fields[decoded(name)] = parts.count > 1 ? decoded(parts[1]) : ""
        }
        return fields
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// The headers every page goes with: no script, no framing, nothing cached, no referrer
    /// (a sign-in link's address must not travel on).
    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.init("X-Frame-Options")!] = "DENY"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }

    private func record(_ visit: Visit, outcome: AuditLog.Entry.Outcome, caseID: UUID?, status: Int) async {
        let entry = AuditLog.Entry(
            tokenID: nil, email: visit.leader?.email, role: visit.leader?.roleText, outcome: outcome,
            method: visit.request.method.rawValue, path: Self.auditedPath(visit.request.uri.path), caseID: caseID, detail: visit.detail,
            status: status, remoteAddress: Self.remoteAddress(visit.request), sessionID: visit.leader?.session.id)
        do {
            try await audit.append(entry)
        } catch {
            logger.error("audit log entry not written", metadata: ["error": "\(error)", "path": "\(entry.path)", "status": "\(status)"])
        }
    }

    /// The path as audited: a sign-in link's secret is never written down.
    static func auditedPath(_ path: String) -> String {
        path.hasPrefix("/sign-in/") ? "/sign-in/[link]" : String(path.prefix(300))
    }

    static func remoteAddress(_ request: Request) -> String? {
        request.headers[.init("X-Forwarded-For")!].map { String($0.split(separator: ",").first ?? "").trimmingCharacters(in: .whitespaces) }
            .map { String($0.prefix(200)) }
    }

    /// Where to go after signing in: only Parapet's own pages.
    static func safeNext(_ text: String?) -> String? {
        guard let text else { return nil }
        if text == "/cases" || text == "/trust" { return text }
        if text.hasPrefix("/cases/"), UUID(uuidString: String(text.dropFirst(7))) != nil { return text.lowercased() }
        return nil
    }

    // MARK: Rendering

    func html(_ status: HTTPResponse.Status, _ page: String, _ context: [String: Any], _ visit: inout Visit) throws -> Response {
        var context = context
        if let leader = visit.leader {
            context["signed_in"] = true
            context["leader_name"] = leader.name
            context["trust_lead"] = leader.trustContact != nil
            context["trust_name"] = visit.escalator?.configuration.trust.name ?? ""
        }
        context["form_token"] = visit.formToken
        for key in ["error", "recorded", "trust_name"] where (context[key] as? String).map({ !$0.isEmpty }) == true {
            context["has_\(key)"] = true
        }
        let body = try templates.render(page, context)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    private func problemPage(_ problem: PageProblem, _ visit: inout Visit) throws -> Response {
        try html(
            problem.status, "problem",
            ["title": problem.title, "message": problem.message],
            &visit)
    }
}
