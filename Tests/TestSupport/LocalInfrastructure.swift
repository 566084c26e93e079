import Foundation

/// Real servers on loopback for one test suite, started by `scripts/infra` on free ports.
///
/// The same script runs the demo and the benchmarks, so tests exercise the very set-up a
/// newcomer gets. Call `stop()` when done; `scripts/test` also reaps anything a crashed test
/// process left behind.
public final class LocalInfrastructure: Sendable {
    /// A server the script can start.
    public enum Part: String, Sendable {
        case postgres, kafka, smtp
    }

    /// The folder holding this instance's data, logs and pid files.
    public let directory: URL
    /// The variables `scripts/infra` wrote: `PARAPET_DATABASE_URL`, `PARAPET_KAFKA_BROKERS`, ...
    public let environment: [String: String]

    /// `postgresql://...` address of the throwaway cluster.
    public var databaseURL: String { environment["PARAPET_DATABASE_URL"] ?? "" }
    /// `host:port` of the Tansu broker.
    public var kafkaBrokers: String { environment["PARAPET_KAFKA_BROKERS"] ?? "" }
    /// `smtp://host:port` of the SMTP sink.
    public var smtpURL: String { environment["PARAPET_SMTP_URL"] ?? "" }

    /// The repository's root folder, found from this source file's place in it.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private init(directory: URL, environment: [String: String]) {
        self.directory = directory
        self.environment = environment
    }

    /// Starts the named parts and returns once each accepts connections.
    public static func start(_ parts: [Part]) async throws -> LocalInfrastructure {
        let directory = repositoryRoot.appending(path: ".run/tests/\(UUID().uuidString.prefix(8))")
        let output = try await ChildProcess.run([script.path, "up", directory.path] + parts.map(\.rawValue))
        var environment: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            environment[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return LocalInfrastructure(directory: directory, environment: environment)
    }

    /// Stops every server of this instance and removes its folder.
    public func stop() {
        _ = try? ChildProcess.runBlocking([Self.script.path, "down", directory.path])
    }

    /// Runs `body` with servers that are stopped afterwards, whether `body` throws or not.
    public static func with<T>(_ parts: [Part], _ body: (LocalInfrastructure) async throws -> T) async throws -> T {
        let infrastructure = try await start(parts)
        defer { infrastructure.stop() }
        return try await body(infrastructure)
    }

    /// Kills the Tansu broker at once (SIGKILL), as a crash would.
    public func killKafka() {
        guard let pid = pid(of: "tansu") else { return }
        kill(pid, SIGKILL)
    }

    /// Stops the SMTP sink (SIGTERM), as a mail server going down would; ``startSMTP()`` brings
    /// it back on the same port and Maildir.
    public func stopSMTP() {
        guard let pid = pid(of: "smtp") else { return }
        kill(pid, SIGTERM)
        for _ in 0..<100 where kill(pid, 0) == 0 { usleep(50_000) }
    }

    /// Starts the SMTP sink again where it was, and waits until it accepts connections.
    public func startSMTP() async throws {
        guard let url = URL(string: smtpURL), let port = url.port, let maildir = environment["PARAPET_SMTP_MAILDIR"] else { return }
        let sink = Self.repositoryRoot.appending(path: "scripts/smtp-sink.py").path
        let process = try ChildProcess.start(["/usr/bin/python3", sink, "127.0.0.1:\(port)", maildir])
        // `scripts/infra down` stops whatever this file names.
        try String(process.pid).write(to: directory.appending(path: "smtp.pid"), atomically: true, encoding: .utf8)
        for _ in 0..<100 {
            if (try? await ChildProcess.run(["/usr/bin/python3", "-c", "import socket; socket.create_connection(('127.0.0.1', \(port)), 1)"])) != nil
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    private func pid(of part: String) -> Int32? {
        (try? String(contentsOf: directory.appending(path: "\(part).pid"), encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    private static var script: URL { repositoryRoot.appending(path: "scripts/infra") }
}
