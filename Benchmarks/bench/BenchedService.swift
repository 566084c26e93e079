import Foundation

/// A release service binary run as trust IT runs it, against the benchmark's servers, and timed
/// by its own Prometheus counters.
final class BenchedService {
    let process = Process()
    let port: Int

    /// Starts `binary` on a free loopback port with the servers' settings and `settings` on top.
    init(binary: String, brokers: String, databaseURL: String, settings: [String: String] = [:]) throws {
        port = try ClassifierBenchmark.freePort()
        process.executableURL = URL(fileURLWithPath: binary)
        process.environment = ProcessInfo.processInfo.environment.merging([
            "PARAPET_KAFKA_BROKERS": brokers, "PARAPET_DATABASE_URL": databaseURL, "PARAPET_HTTP_HOST": "127.0.0.1",
            "PARAPET_HTTP_PORT": "\(port)", "PARAPET_LOG_LEVEL": "warning", "PARAPET_KAFKA_SESSION_TIMEOUT": "6s",
        ]) { $1 }.merging(settings) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// A moment of the run, with the CPU the service had used by then.
    struct Mark {
        var date: Date
        var cpu: Double
    }

    /// Scrapes `/metrics` every `interval` until `counter` (summed over its labels) reaches
    /// `count`: the first scrape that saw it above zero, and the one that saw it reach `count`;
    /// nil if it did not within `limit` or the service stopped.
    func waitFor(
        _ counter: String, toReach count: Int, every interval: Duration, within limit: Duration = .seconds(600)
    ) async throws -> (
        first: Mark, done: Mark
    )? {
        var first: Mark?
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline, process.isRunning {
            let metrics = (try? await ClassifierBenchmark.scrape(port: port)) ?? [:]
            let seen = Int(metrics[counter] ?? 0)
            if seen > 0, first == nil { first = Mark(date: Date(), cpu: ClassifierBenchmark.cpuSeconds(process.processIdentifier)) }
            if seen >= count, let first { return (first, Mark(date: Date(), cpu: ClassifierBenchmark.cpuSeconds(process.processIdentifier))) }
            try await Task.sleep(for: interval)
        }
        return nil
    }

    /// Stops the service (SIGTERM) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
