import Foundation
import Logging
import ParapetKafka
import ParapetModels
import ParapetPostgres
import ParapetSchema
import ParapetStore
import ParapetTrustConfiguration

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The escalation service end to end, and its case API: verdicts already on `parapet.verdicts`
/// (30% of them breaches), the release `escalation` binary started against them and timed to
/// the last verdict's case state stored; then the cases topped up to `cases` and the API's list
/// and read timed over HTTP, one request at a time.
struct EscalationBenchmarkResult: Sendable, CustomStringConvertible {
    var verdicts: Int
    var breaches: Int
    var seconds: Double
    var cases: Int
    var events: Int
    var cpuSeconds: Double
    var storedCases: Int
    var list: [Double]
    var read: [Double]

    static let verdictTarget = 20_000.0
    static let latencyTarget = 0.050

    var rate: Double { Double(verdicts) / seconds }

    var description: String {
        func percentile(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
        }
        let listP99 = percentile(list, 0.99)
        let readP99 = percentile(read, 0.99)
        return [
            String(
                format:
                    "escalation: %d verdicts (%d breaches) in %.2f s = %.0f verdicts/s from topic to stored case state, %d cases and %d events written (target %.0f verdicts/s: %@)",
                verdicts, breaches, seconds, rate, cases, events, Self.verdictTarget, rate >= Self.verdictTarget ? "met" : "NOT met"),
            String(format: "  the service used %.1f CPU-seconds (%.1f µs a verdict)", cpuSeconds, cpuSeconds / Double(verdicts) * 1e6),
            String(
                format:
                    "case API with %d cases stored: list (50 a page) p50 %.1f ms, p99 %.1f ms; read p50 %.1f ms, p99 %.1f ms; %d requests each (target p99 under %.0f ms: %@)",
                storedCases, percentile(list, 0.5) * 1000, listP99 * 1000, percentile(read, 0.5) * 1000, readP99 * 1000, list.count,
                Self.latencyTarget * 1000, max(listP99, readP99) < Self.latencyTarget ? "met" : "NOT met"),
        ].joined(separator: "\n")
    }
}

enum EscalationBenchmark {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static func run(
        binary: String, trustFolder: String, verdicts count: Int, cases target: Int, requests: Int, brokers: String,
        databaseURL: String
    ) async throws -> EscalationBenchmarkResult {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let (configuration, client) = try await BenchDatabase.prepare(
            url: databaseURL, trustFolder: trustFolder, fresh: "cases", logger: logger)
        defer { Task { await client.shutdown() } }
        try await KafkaBenchmark.createAndAwait(
            [ParapetTopic.verdicts.name, ParapetTopic.caseEvents.name, ParapetTopic.notifications.name, ParapetTopic.deadLetters.name],
            brokers: brokers, logger: logger)
        // The count below is the service's own, of every verdict it reads: another section's
        // verdicts on the topic would be counted as these.
        let admin = try KafkaAdmin(configuration: KafkaConfiguration(brokers: brokers, clientID: "parapet-bench"), logger: logger)
        let waiting = try await admin.lag(group: "parapet-escalation", topics: [ParapetTopic.verdicts.name]).reduce(0) { $0 + $1.highWatermark }
        guard waiting == 0 else {
            throw Failed(
                description: "\(ParapetTopic.verdicts.name) holds \(waiting) messages already: run against fresh servers (scripts/bench starts them)")
        }

        let (messages, breaches) = makeVerdicts(count, configuration: configuration)
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                KafkaConfiguration(brokers: brokers, clientID: "parapet-bench", properties: KafkaBenchmark.producerProperties)),
            logger: logger)
        for window in stride(from: 0, to: messages.count, by: 10_000) {
            try await producer.send(Array(messages[window..<min(window + 10_000, messages.count)]))
        }
        await producer.close()

        let service = try BenchedService(binary: binary, brokers: brokers, databaseURL: databaseURL)
        defer { service.stop() }
        let port = service.port
        let marks = try await service.waitFor("parapet_escalation_verdicts_total", toReach: count, every: .milliseconds(50))
        guard let (first, done) = marks else { throw Failed(description: "escalation did not finish \(count) verdicts within 10 minutes") }
        // The start: the first batch's case rows (opened_at is the batch's clock); the end: the
        // scrape that saw the last verdict counted.
        let row = try await client.query(
            "SELECT min(opened_at) AS first, (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_events) AS events FROM cases"
        )[0]
        let start = min(try row.decode(Date.self, column: "first"), first.date)
        let seconds = done.date.timeIntervalSince(start)
        let casesWritten = try row.decode(Int.self, column: "cases")
        let events = try row.decode(Int.self, column: "events")
        let cpu = done.cpu - first.cpu

        // Top the cases up to `target` directly, as a year of a large trust would leave them.
        try await fill(client: client, configuration: configuration, upTo: target, have: casesWritten)
        try await client.execute("ANALYZE cases")
        let issued = try await AccessTokenStore(client: client).issue(
            trust: configuration.trust.id, email: "bench@example.org", name: "Bench", role: .trustSafeguardingLead, school: nil,
            validFor: .seconds(3600))
        let ids = try await client.query("SELECT id FROM cases ORDER BY random() LIMIT \(requests)").map { try $0.decode(UUID.self, at: 0) }
        let schools = configuration.schools.map(\.id)
        func timed(_ path: String) async throws -> Double {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.setValue("Bearer \(issued.text)", forHTTPHeaderField: "Authorization")
            let started = ContinuousClock.now
            let (_, response) = try await URLSession.shared.data(for: request)
            let elapsed = ContinuousClock.now - started
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                throw Failed(description: "GET \(path) answered \((response as? HTTPURLResponse)?.statusCode ?? 0)")
            }
            return elapsed / .seconds(1)
        }
        for path in ["/v1/cases", "/v1/cases/\(ids[0])"] { _ = try await timed(path) }  // warm the pool
        var list: [Double] = []
        var read: [Double] = []
        for (index, id) in ids.enumerated() {
            let filter = index % 2 == 0 ? "" : "&school=\(schools[index % schools.count])&severity=high"
            list.append(try await timed("/v1/cases?limit=50\(filter)"))
            read.append(try await timed("/v1/cases/\(id.uuidString.lowercased())"))
        }
        let stored = try await client.query("SELECT count(*) FROM cases")[0].decode(Int.self)
        return EscalationBenchmarkResult(
            verdicts: count, breaches: breaches, seconds: seconds, cases: casesWritten, events: events, cpuSeconds: cpu,
            storedCases: stored, list: list, read: read)
    }

    /// `count` verdicts over the trust's schools, 30% breaching a clause of the school's pack by
    /// one of 20,000 authors (so repeat offenders join and climb their cases), the rest benign.
    static func makeVerdicts(_ count: Int, configuration: TrustConfiguration) -> (messages: [KafkaOutgoingMessage], breaches: Int) {
        var generator = BenchmarkRandom(seed: 12)
        let schools = configuration.schools.map(\.id)
        let clauses = Dictionary(uniqueKeysWithValues: schools.map { ($0, configuration.effectivePack(for: $0)?.clauses ?? []) })
        var breaches = 0
        var messages: [KafkaOutgoingMessage] = []
        messages.reserveCapacity(count)
        let decided = Date()
        for index in 0..<count {
            let school = schools[Int(generator.next() % UInt64(schools.count))]
            let author = AuthorKey(rawValue: "facebook:author.\(generator.next() % 20_000)")
            var found: [ClauseBreach] = []
            if generator.next() % 10 < 3, let pool = clauses[school], !pool.isEmpty {
                let clause = pool[Int(generator.next() % UInt64(pool.count))]
                found = [ClauseBreach(clauseID: clause.id, behaviour: clause.behaviour, severity: clause.severity, evidence: [])]
                breaches += 1
            }
            let verdict = Verdict(
                id: UUID(), postID: UUID(), postRevision: 1, school: school, authorKey: author, rulesetVersion: "bench", packID: school,
                packVersion: 1, decidedAt: decided.addingTimeInterval(Double(index) / 1000), breaches: found)
            let envelope = Envelope(id: verdict.id, trust: configuration.trust.id, payload: verdict)
            messages.append(
                KafkaOutgoingMessage(
                    topic: ParapetTopic.verdicts.name, key: verdict.partitionKey, value: Array((try? ParapetJSON.encode(envelope)) ?? Data()),
                    headers: [KafkaHeader(name: "schema", value: "parapet.verdict/2")]))
        }
        return (messages, breaches)
    }

    /// Closed cases written straight into the tables until there are `target`.
    static func fill(client: PostgresClient, configuration: TrustConfiguration, upTo target: Int, have: Int) async throws {
        let store = CaseStore(client: client)
        let schools = configuration.schools.map(\.id)
        var made = have
        var generator = BenchmarkRandom(seed: 99)
        let year = Date().addingTimeInterval(-365 * 86_400)
        while made < target {
            var changes: [CaseStore.Change] = []
            for _ in 0..<min(5000, target - made) {
                let school = schools[Int(generator.next() % UInt64(schools.count))]
                let opened = year.addingTimeInterval(Double(generator.next() % (365 * 86_400)))
                let verdict = CaseVerdict(
                    verdictID: UUID(), postID: UUID(), postRevision: 1, severity: [.low, .medium, .high, .critical][Int(generator.next() % 4)],
                    clauseIDs: ["bench"], behaviours: [.defamation])
                let caseID = UUID()
                let author = AuthorKey(rawValue: "x:old.\(made)")
                let open = try Case.opening(verdict, school: school, authorKey: author, ladder: [.record, .requestRemoval], id: caseID, at: opened)
                let closed = try open.closed(.upheld, at: opened.addingTimeInterval(86_400))
                let events = [
                    CaseEvent(
                        caseID: caseID, sequence: 1, school: school, kind: .opened(verdict: verdict, author: author, ladder: open.ladder),
                        at: opened, actor: .service("bench")),
                    CaseEvent(
                        caseID: caseID, sequence: 2, school: school, kind: .closed(reason: .upheld), at: closed.updatedAt,
                        actor: .leader("bench@example.org"), note: "bench"),
                ]
                changes.append(CaseStore.Change(trust: configuration.trust.id, case: closed, dueAt: nil, events: events, notifications: []))
                made += 1
            }
            _ = try await store.withTransaction { try await $0.write(changes) }
        }
    }
}
