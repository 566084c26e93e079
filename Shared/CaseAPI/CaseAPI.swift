import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ParapetEscalation
import ParapetModels
import ParapetPostgres
import ParapetStore

/// The case API (docs/architecture.md, "Case API"), served by the escalation service:
///
/// - `GET /v1/cases`: cases the token may see, filtered, newest first, a page at a time;
/// - `GET /v1/cases/{id}`: one case with its posts and evidence, clauses and current step in
///   the policy's words, who was told, and its timeline;
/// - `POST /v1/cases/{id}/actions`: record what a leader did (``CaseActionRequest``);
/// - `POST /v1/posts/{id}/missed-breaches`: record that a post the engine passed breaks the
///   policy (``MissedBreachRequest``), for `parapet feedback export`;
/// - `GET /v1/routes/test?school=…&clause=…&about=…`: who would be told about a breach, how
///   and when, opening nothing (what `parapet route test` prints);
/// - `GET /openapi.json`: the OpenAPI 3.1 document describing all of it.
///
/// Every request carries `Authorization: Bearer parapet_…` (issued by `parapet tokens issue`).
/// Every answer, refusals included, is written to the audit log. A case in a school the token
/// does not cover is answered 404, exactly as one that does not exist.
public struct CaseAPI: Sendable {
    let desk: CaseDesk
    let cases: CaseStore
    let reader: CaseReader
    let tokens: AccessTokenStore
    let audit: AuditLog
    let posts: PostStore
    let feedback: FeedbackStore
    let escalator: @Sendable (String) async -> Escalator?
    let now: @Sendable () -> Date
    let logger: Logger

    public init(
        desk: CaseDesk, postgres: PostgresClient, escalator: @escaping @Sendable (String) async -> Escalator?,
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.desk = desk
        cases = CaseStore(client: postgres)
        reader = CaseReader(postgres: postgres)
        tokens = AccessTokenStore(client: postgres)
        audit = AuditLog(client: postgres)
        posts = PostStore(client: postgres)
        feedback = FeedbackStore(client: postgres)
        self.escalator = escalator
        self.now = now
        self.logger = logger
    }

    /// The most a request body may hold.
    static let bodyLimit = 64 * 1024

    public func install(on router: Router<BasicRequestContext>) {
        router.get("/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: CaseAPIDocument.json)))
        }
        router.get("/v1/cases") { request, _ in
            try await answer(request, caseID: nil) { leader in (try await list(request, for: leader), .read, nil) }
        }
        router.get("/v1/cases/:id") { request, context in
            let text = context.parameters.get("id") ?? ""
            return try await answer(request, caseID: UUID(uuidString: text)) { leader in
                (try await read(try Self.caseID(text), for: leader), .read, nil)
            }
        }
        router.get("/v1/routes/test") { request, _ in
            try await answer(request, caseID: nil) { leader in (try await routeTest(request, for: leader), .read, nil) }
        }
        router.post("/v1/cases/:id/actions") { request, context in
            let text = context.parameters.get("id") ?? ""
            return try await answer(request, caseID: UUID(uuidString: text)) { leader in
                let id = try Self.caseID(text)
                var request = request
                let body = try await collect(&request)
                let (action, note) = try CaseActionRequest.read(body)
                do {
                    _ = try await desk.act(action, on: id, by: leader.desk, note: note)
                } catch let refusal as CaseDesk.Refusal {
                    throw Self.error(refusal)
                }
                return (try await read(id, for: leader, status: .created), .write, action.name)
            }
        }
        router.post("/v1/posts/:id/missed-breaches") { request, context in
            let text = context.parameters.get("id") ?? ""
            return try await answer(request, caseID: nil) { leader in
                var request = request
                let body = try await collect(&request)
                let (behaviour, note) = try MissedBreachRequest.read(body)
                // A post in another school is as unknown as one that is not there.
                guard let id = UUID(uuidString: text), let post = try await posts.latest(id: id), post.trust == leader.token.trust,
                    leader.token.school == nil || leader.token.school == post.school
                else { throw CaseAPIError(.notFound, "no post \"\(text.prefix(40))\"") }
                let recorded = try await feedback.recordMissedBreach(post, behaviour: behaviour, reportedBy: leader.token.email, note: note)
                return (try Self.json(.created, recorded), .write, "missed_breach \(behaviour.rawValue)")
            }
        }
    }

    /// A token's holder, as the API knows them.
    struct Caller {
        var token: AccessToken
        var desk: CaseDesk.Leader { .init(trust: token.trust, email: token.email, role: token.role, school: token.school) }
    }

    /// Authenticates `request`, runs `body`, and audits what happened, refusals included.
    private func answer(
        _ request: Request, caseID: UUID?, _ body: (Caller) async throws -> (Response, AuditLog.Entry.Outcome, String?)
    ) async throws -> Response {
        var caller: Caller?
        do {
            let found = try await authenticate(request)
            caller = found
            let (response, outcome, detail) = try await body(found)
            await record(request, caller: found, outcome: outcome, caseID: caseID, detail: detail, status: response.status.code)
            return response
        } catch let error as CaseAPIError {
            await record(request, caller: caller, outcome: .denied, caseID: caseID, detail: error.message, status: error.status.code)
            throw error
        } catch {
            // A fault of ours (the database gone, say): logged whole, answered 500 without detail.
            logger.error("case API request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            await record(request, caller: caller, outcome: .denied, caseID: caseID, detail: "internal error", status: 500)
            throw error
        }
    }

    private func authenticate(_ request: Request) async throws -> Caller {
        guard let header = request.headers[.authorization] else {
            throw CaseAPIError(.unauthorized, "no Authorization header; send Authorization: Bearer <token from parapet tokens issue>")
        }
        guard header.lowercased().hasPrefix("bearer ") else {
            throw CaseAPIError(.unauthorized, "the Authorization header is not Bearer <token>")
        }
        // Tokens expire by the wall clock, whatever clock judges deadlines.
        switch try await tokens.verify(header.dropFirst(7).trimmingCharacters(in: .whitespaces), now: Date()) {
        case .success(let token): return Caller(token: token)
        case .failure(.unknown): throw CaseAPIError(.unauthorized, "the token is not one Parapet issued")
        case .failure(.expired): throw CaseAPIError(.unauthorized, "the token has expired; ask trust IT for a new one")
        case .failure(.revoked): throw CaseAPIError(.unauthorized, "the token was revoked")
        }
    }

    private func record(
        _ request: Request, caller: Caller?, outcome: AuditLog.Entry.Outcome, caseID: UUID?, detail: String?, status: Int
    ) async {
        let entry = AuditLog.Entry(
            tokenID: caller?.token.id, email: caller?.token.email, role: caller?.token.role.rawValue, outcome: outcome,
            method: request.method.rawValue, path: request.uri.path, caseID: caseID, detail: detail, status: status,
            remoteAddress: request.headers[.init("X-Forwarded-For")!].map { String($0.prefix(200)) })
        do {
            try await audit.append(entry)
        } catch {
            // The answer still goes out; the failure is loud in the log for trust IT.
            logger.error("audit log entry not written", metadata: ["error": "\(error)", "path": "\(entry.path)", "status": "\(status)"])
        }
    }

    // MARK: Endpoints

    private func list(_ request: Request, for caller: Caller) async throws -> Response {
        let query = try CaseListQuery(
            request.uri.queryParameters.map { (String($0.key), String($0.value)) }, trust: caller.token.trust,
            tokenSchool: caller.token.school)
        let date = now()
        let found = query.listsNothing ? [] : try await cases.list(query.filter, after: query.cursor, limit: query.limit + 1, now: date)
        let page = found.prefix(query.limit)
        let next =
            found.count > query.limit ? page.last.map { CaseListQuery.text(.init(openedAt: $0.stored.case.openedAt, id: $0.stored.case.id)) } : nil
        return try Self.json(.ok, CaseResource.Page(cases: page.map { CaseResource.Summary($0, now: date) }, nextCursor: next))
    }

    private func read(_ id: UUID, for caller: Caller, status: HTTPResponse.Status = .ok) async throws -> Response {
        let pack: (String) async -> PolicyPack? = { school in await escalator(caller.token.trust)?.pack(for: school) }
        guard let record = try await reader.read(id, for: caller.desk, pack: pack) else { throw CaseAPIError(.notFound, "no case \(id)") }
        let detail = CaseResource.Detail(
            case: CaseResource.Summary(record.listed, now: now()), currentStep: .init(id: record.case.step, words: record.stepWords),
            clauses: record.clauses.map { CaseResource.Clause(id: $0.id, behaviour: $0.behaviour, quote: $0.quote, severity: $0.severity) },
            posts: record.posts.map { CaseResource.PostEntry(post: $0.post, verdicts: $0.verdicts) },
            told: record.told.map {
                CaseResource.Told(
                    notification: $0.id, event: $0.eventID, template: $0.template, mode: $0.mode, recipients: $0.recipients, at: $0.createdAt)
            }, timeline: record.timeline)
        return try Self.json(status, detail)
    }

    private func routeTest(_ request: Request, for caller: Caller) async throws -> Response {
        var school: String?
        var clause: String?
        var about: [String] = []
        for (key, value) in request.uri.queryParameters {
            switch key {
            case "school": school = String(value)
            case "clause": clause = String(value)
            case "about": about.append(String(value))
            default:
                throw CaseAPIError(.invalidRequest, "unknown query parameter \"\(String(key).prefix(40))\"; the parameters are school, clause, about")
            }
        }
        guard let school, !school.isEmpty else { throw CaseAPIError(.invalidRequest, "school is required") }
        guard let clause, !clause.isEmpty else { throw CaseAPIError(.invalidRequest, "clause is required") }
        // A school's contacts see their own school's routes; another school is as unknown as one that is not there.
        if let own = caller.token.school, own != school { throw CaseAPIError(.notFound, "no school \"\(school.prefix(60))\"") }
        guard let escalator = await escalator(caller.token.trust) else {
            throw CaseAPIError(.unavailable, "the trust's configuration is not loaded yet")
        }
        let preview: RoutePreview
        do {
            preview = try escalator.preview(school: school, clause: clause, about: about)
        } catch {
            throw CaseAPIError(.invalidRequest, error.description)
        }
        return try Self.json(.ok, preview)
    }

    // MARK: Helpers

    private static func caseID(_ text: String) throws(CaseAPIError) -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw CaseAPIError(.notFound, "no case \"\(text.prefix(40))\": a case id is a UUID")
        }
        return id
    }

    private func collect(_ request: inout Request) async throws -> [UInt8] {
        do {
            let buffer = try await request.body.collect(upTo: Self.bodyLimit)
            return Array(buffer.readableBytesView)
        } catch {
            throw CaseAPIError(.invalidRequest, "the body is larger than \(Self.bodyLimit) bytes")
        }
    }

    /// The API's answer to a refusal of the desk; the pages answer with its status too.
    public static func error(_ refusal: CaseDesk.Refusal) -> CaseAPIError {
        switch refusal {
        case .notFound: CaseAPIError(.notFound, refusal.description)
        case .forbidden: CaseAPIError(.forbidden, refusal.description)
        case .conflict: CaseAPIError(.conflict, refusal.description)
        case .invalid: CaseAPIError(.unprocessable, refusal.description)
        case .unavailable: CaseAPIError(.unavailable, refusal.description)
        }
    }

    static func json(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try ParapetJSON.encode(value))))
    }
}
