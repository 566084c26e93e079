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

/// The classifier service end to end: posts already on `parapet.posts`, the release
/// `classifier` binary started against them, timed from the first post consumed to the last
/// verdict stored, on the same Tansu and PostgreSQL the other measurements used.
struct ClassifierBenchmarkResult: Sendable, CustomStringConvertible {
    var posts: Int
    var breaking: Int
    var accounts: Int
    var partitions: Int
    var batchSize: Int
    var seconds: Double
    var stored: Int
    var deadLetters: Int
    /// CPU seconds the classifier process used over the timed stretch, and the machine's busy share.
    var classifierCPUSeconds: Double
    var machineBusy: Double
    /// CPU seconds Tansu and PostgreSQL used in that time, when their folder was given.
    var serverCPUSeconds: (tansu: Double, postgres: Double)?
    var kafkaProduceCeiling: Double?
    var copyCeiling: Double?

    static let target = 30_000.0

    var rate: Double { Double(posts) / seconds }

    var description: String {
        var lines = [
            "classifier: \(posts) posts (\(breaking) breaking a clause, the rest benign) over the example trust's \(accounts) accounts, "
                + "\(partitions) partitions, batches of \(batchSize); release binary, topic to stored verdict",
            String(
                format:
                    "classifier: %.0f posts/s from first post consumed to last verdict stored (%.2f s; %d verdict rows, %d dead letters) (target %.0f posts/s: %@)",
                rate, seconds, stored, deadLetters, Self.target, rate >= Self.target ? "met" : "NOT met"),
            String(
                format:
                    "  the classifier used %.1f CPU-seconds in that time (%.2f of the 2 cores); the whole machine was %.0f%% busy (Tansu and PostgreSQL beside it)",
                classifierCPUSeconds, classifierCPUSeconds / seconds, machineBusy * 100),
        ]
        if let servers = serverCPUSeconds {
            let total = classifierCPUSeconds + servers.tansu + servers.postgres
            lines.append(
                String(
                    format:
                        "  CPU per post: classifier %.1f µs, Tansu %.1f µs, PostgreSQL %.1f µs; %.1f µs in all, a ceiling of %.0f posts/s on 2 idle cores",
                    classifierCPUSeconds / Double(posts) * 1e6, servers.tansu / Double(posts) * 1e6, servers.postgres / Double(posts) * 1e6,
                    total / Double(posts) * 1e6, 2 * Double(posts) / total))
        }
        var ceilings: [String] = []
        if let kafkaProduceCeiling {
            ceilings.append(String(format: "Kafka produce (Swift client, 256-byte messages) %.0f msg/s", kafkaProduceCeiling))
        }
        if let copyCeiling { ceilings.append(String(format: "PostgreSQL COPY (Swift client, one connection) %.0f rows/s", copyCeiling)) }
        if !ceilings.isEmpty { lines.append("  ceilings measured above on the same servers: " + ceilings.joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }
}

enum ClassifierBenchmark {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static let partitions = 6

    static func run(
        binary: String, trustFolder: String, posts count: Int, batchSize: Int, brokers: String, databaseURL: String,
        serversFolder: String?, kafkaProduceCeiling: Double?, copyCeiling: Double?
    ) async throws -> ClassifierBenchmarkResult {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let (configuration, client) = try await BenchDatabase.prepare(
            url: databaseURL, trustFolder: trustFolder, fresh: "verdicts", logger: logger)
        defer { Task { await client.shutdown() } }
        try await KafkaBenchmark.createAndAwait(
            [ParapetTopic.posts.name, ParapetTopic.verdicts.name, ParapetTopic.deadLetters.name], brokers: brokers, logger: logger)

        // The posts, published before the classifier starts, so the producer is not what is measured.
        let (messages, breaking) = makePosts(count, configuration: configuration)
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                KafkaConfiguration(brokers: brokers, clientID: "parapet-bench", properties: KafkaBenchmark.producerProperties)),
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, window) in stride(from: 0, to: messages.count, by: 10_000).enumerated() {
                if index >= 4 { try await group.next() }
                let slice = Array(messages[window..<min(window + 10_000, messages.count)])
                group.addTask { try await producer.send(slice) }
            }
            try await group.waitForAll()
        }
        await producer.close()

        // The service, as trust IT runs it.
        let port = try freePort()
        let log = FileManager.default.temporaryDirectory.appending(path: "parapet-bench-classifier-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.environment = ProcessInfo.processInfo.environment.merging([
            "PARAPET_KAFKA_BROKERS": brokers, "PARAPET_DATABASE_URL": databaseURL, "PARAPET_HTTP_HOST": "127.0.0.1",
            "PARAPET_HTTP_PORT": "\(port)",
            "PARAPET_LOG_LEVEL": ProcessInfo.processInfo.environment["PARAPET_BENCH_CLASSIFIER_LOG_LEVEL"] ?? "warning",
            "PARAPET_KAFKA_SESSION_TIMEOUT": "6s",
            "PARAPET_CLASSIFIER_BATCH_SIZE": "\(batchSize)",
        ]) { $1 }
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            // PARAPET_BENCH_CLASSIFIER_LOG names a file to keep the service's log in.
            if let kept = ProcessInfo.processInfo.environment["PARAPET_BENCH_CLASSIFIER_LOG"] {
                try? FileManager.default.removeItem(atPath: kept)
                try? FileManager.default.copyItem(at: log, to: URL(fileURLWithPath: kept))
            }
            try? FileManager.default.removeItem(at: log)
        }

        // Scrape the service's own count of stored (and published) verdicts every 50 ms: cheap,
        // where counting the table that often would load the database being measured.
        let servers = serversFolder.map { ServerProcesses(folder: $0) }
        var firstSeen: (date: Date, cpu: Double, machine: MachineTicks, servers: (Double, Double))?
        var done: (date: Date, cpu: Double, machine: MachineTicks, servers: (Double, Double))?
        var deadLetters = 0
        let deadline = ContinuousClock.now + .seconds(600)
        while ContinuousClock.now < deadline, process.isRunning {
            let metrics = (try? await scrape(port: port)) ?? [:]
            let classified = Int(metrics["parapet_classifier_posts_classified_total"] ?? 0)
            deadLetters = Int(metrics["parapet_classifier_dead_letters_total"] ?? 0)
            if classified > 0, firstSeen == nil {
                firstSeen = (Date(), cpuSeconds(process.processIdentifier), MachineTicks.now(), servers?.cpuSeconds() ?? (0, 0))
            }
            if classified + deadLetters >= count {
                done = (Date(), cpuSeconds(process.processIdentifier), MachineTicks.now(), servers?.cpuSeconds() ?? (0, 0))
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard let done, let firstSeen else {
            throw Failed(description: "the classifier did not finish \(count) posts within 10 minutes; its log:\n\(logText.suffix(2000))")
        }
        process.terminate()
        process.waitUntilExit()

        // The start: when the first batch was classified (each batch's decided_at is taken right
        // after its poll); the end: when the service counted the last verdict stored.
        let first = try await client.query("SELECT min(decided_at) AS first, count(*) AS stored FROM verdicts")[0]
        let start = try first.decode(Date.self, column: "first")
        let stored = try first.decode(Int.self, column: "stored")
        guard stored == count - deadLetters else {
            throw Failed(description: "\(stored) verdict rows for \(count) posts and \(deadLetters) dead letters")
        }
        let seconds = done.date.timeIntervalSince(start)
        // CPU from the first scrape that saw verdicts; scaled to the whole timed stretch.
        let measured = done.date.timeIntervalSince(firstSeen.date)
        let scale = measured > 0 ? seconds / measured : 1
        let cpu = (done.cpu - firstSeen.cpu) * scale
        let serverCPU = servers.map { _ in ((done.servers.0 - firstSeen.servers.0) * scale, (done.servers.1 - firstSeen.servers.1) * scale) }
        return ClassifierBenchmarkResult(
            posts: count, breaking: breaking, accounts: configuration.accounts.count, partitions: partitions, batchSize: batchSize,
            seconds: seconds, stored: stored, deadLetters: deadLetters, classifierCPUSeconds: cpu,
            machineBusy: done.machine.busy(since: firstSeen.machine), serverCPUSeconds: serverCPU, kafkaProduceCeiling: kafkaProduceCeiling,
            copyCeiling: copyCeiling)
    }

    // MARK: Posts

    /// `count` posts over the trust's accounts, about one in four breaking a clause (abuse,
    /// threats, pupils named, allegations, complaints, personal data, confidential matters),
    /// the rest the everyday traffic of a school's pages; as ingest publishes them.
    static func makePosts(_ count: Int, configuration: TrustConfiguration) -> (messages: [KafkaOutgoingMessage], breaking: Int) {
        var generator = BenchmarkRandom(seed: 2026)
        let pupils = Dictionary(uniqueKeysWithValues: configuration.rosters.map { ($0.school, $0.pupils.map(\.name)) })
        let staff = Dictionary(uniqueKeysWithValues: configuration.rosters.map { ($0.school, $0.staff.map(\.name)) })
        let schoolNames = Dictionary(uniqueKeysWithValues: configuration.schools.map { ($0.id, $0.name) })
        let benign = [
            "Does anyone know if {school} has a non-uniform day this Friday? My daughter says yes but the newsletter says no.",
            "Well done to the Year {n} football team on Saturday, brilliant effort in the rain!",
            "Reminder that the PTA cake sale is straight after school on Thursday, all donations welcome.",
            "Thank you {teacher} for all your help with the reading logs this term, it has made such a difference.",
            "Is the car park open over half term for the holiday club? Thanks in advance.",
            "Lovely photos from the Year {n} trip, looks like everyone had a fantastic time.",
            "Lost: one navy jumper, age 7-8, name label inside. Please message me if it turns up in your bag!",
            "Can anyone recommend a tutor for maths? Happy to pay, just want some extra practice before the SATs.",
            "The school play was wonderful last night, the costumes and the singing were amazing.",
            "What time does the after school club finish on Wednesdays? I think it changed in September.",
            "Just a heads up that the road outside is closed for roadworks from Monday, so allow extra time.",
            "Great to see so many families at the summer fair, thanks to everyone who volunteered.",
        ]
        let breakingTexts = [
            "This school is a fucking joke, honestly the worst school in the county, don't send your kids here.",
            "{pupil} was pushing the little ones over at break again and nobody did anything about it.",
            "{teacher} is a liar and a thief and should be sacked, everyone knows what went on.",
            "If {teacher} speaks to my son like that again I'll smash his face in at the gates.",
            "Ring me on 07700 900{nnn} if you want to complain about the head too, we need to stick together.",
            "My son's friend {first} in Year {n} has ADHD and is on medication, that explains a lot.",
            "I've set up a new WhatsApp group for Year {n} parents at {school}, message me to be added.",
            "I'd like to raise a concern about how the school handled the detention last week, it was completely unfair.",
            "Those idiots in the office lost the form again, useless the lot of them.",
            "Everyone hates you {first}, nobody wants you at their party, you fat loser.",
        ]
        func fill(_ template: String, school: String) -> String {
            let pupil = pupils[school]?.randomElement(using: &generator) ?? "Alfie Smith"
            let teacher = staff[school]?.randomElement(using: &generator) ?? "Mr Jones"
            let teacherTitled = "Mrs " + (teacher.split(separator: " ").last.map(String.init) ?? "Jones")
            return
                template
                .replacingOccurrences(of: "{school}", with: schoolNames[school] ?? school)
                .replacingOccurrences(of: "{n}", with: String(Int.random(in: 1...6, using: &generator)))
                .replacingOccurrences(of: "{nnn}", with: String(Int.random(in: 100...999, using: &generator)))
                .replacingOccurrences(of: "{pupil}", with: pupil)
                .replacingOccurrences(of: "{first}", with: String(pupil.split(separator: " ").first ?? "Alfie"))
                .replacingOccurrences(of: "{teacher}", with: teacherTitled)
        }
        let created = Date(timeIntervalSince1970: 1_790_000_000)
        var messages: [KafkaOutgoingMessage] = []
        messages.reserveCapacity(count)
        var breaking = 0
        for index in 0..<count {
            let account = configuration.accounts[index % configuration.accounts.count]
            let breaks = Int.random(in: 0..<4, using: &generator) == 0
            if breaks { breaking += 1 }
            let template = breaks ? breakingTexts.randomElement(using: &generator)! : benign.randomElement(using: &generator)!
            let post = Post(
                id: UUID(), trust: configuration.trust.id, school: account.school, account: account.id, platform: account.platform,
                externalID: "bench-\(index)", author: PostAuthor(handle: "parent.\(index % 5000)", displayName: "A Parent", kind: .parent),
                text: fill(template, school: account.school), createdAt: created.addingTimeInterval(Double(index)),
                receivedAt: created.addingTimeInterval(Double(index) + 1))
            messages.append(
                KafkaOutgoingMessage(
                    topic: ParapetTopic.posts.name, key: account.id, value: envelope(post),
                    headers: [KafkaHeader(name: "schema", value: Post.schema.description)]))
        }
        return (messages, breaking)
    }

    /// The envelope bytes ingest publishes.
    static func envelope(_ post: Post) -> [UInt8] {
        PostJSONWriter.encode(Envelope(trust: post.trust, payload: post))
    }

    // MARK: Watching the service

    /// The service's Prometheus counters, summed over their labels.
    static func scrape(port: Int) async throws -> [String: Double] {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/metrics")!)
        request.timeoutInterval = 2
        let (data, _) = try await URLSession.shared.data(for: request)
        var values: [String: Double] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count >= 2, let value = Double(parts[parts.count - 1]) else { continue }
            let name = parts[0].split(separator: "{")[0]
            values[String(name), default: 0] += value
        }
        return values
    }

    /// User and system CPU seconds process `pid` has used, from /proc.
    static func cpuSeconds(_ pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime 14 and stime 15 (1-based, counting pid and comm).
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The Tansu and PostgreSQL processes `scripts/infra` started in a folder: CPU they use.
    struct ServerProcesses {
        var tansu: Int32?
        var postmaster: Int32?

        init(folder: String) {
            func pid(_ file: String) -> Int32? {
                (try? String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8))?.split(separator: "\n").first.flatMap {
                    Int32($0.trimmingCharacters(in: .whitespaces))
                }
            }
            tansu = pid("tansu.pid")
            postmaster = pid("pg/postmaster.pid")
        }

        /// CPU seconds of Tansu, and of the postmaster with every backend it forked.
        func cpuSeconds() -> (tansu: Double, postgres: Double) {
            var postgres = 0.0
            if let postmaster {
                postgres = ClassifierBenchmark.cpuSeconds(postmaster)
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
                for entry in entries {
                    guard let child = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                        let close = stat.lastIndex(of: ")")
                    else { continue }
                    let fields = stat[stat.index(after: close)...].split(separator: " ")
                    if fields.count > 1, Int32(fields[1]) == postmaster { postgres += ClassifierBenchmark.cpuSeconds(child) }
                }
            }
            return (tansu.map { ClassifierBenchmark.cpuSeconds($0) } ?? 0, postgres)
        }
    }

    /// Busy and total CPU ticks of the whole machine, from /proc/stat.
    struct MachineTicks {
        var busy: Double
        var total: Double

        static func now() -> MachineTicks {
            guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
                let line = stat.split(separator: "\n").first
            else { return MachineTicks(busy: 0, total: 0) }
            let values = line.split(separator: " ").dropFirst().compactMap { Double($0) }
            guard values.count >= 5 else { return MachineTicks(busy: 0, total: 0) }
            let idle = values[3] + values[4]
            let total = values.reduce(0, +)
            return MachineTicks(busy: total - idle, total: total)
        }

        func busy(since start: MachineTicks) -> Double {
            let total = self.total - start.total
            return total > 0 ? (busy - start.busy) / total : 0
        }
    }

    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failed(description: "cannot open a socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Failed(description: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
