import Foundation
import TestSupport

/// Runs a command to its end and keeps its status and output.
enum ChildProcessRunner {
    /// Waits off the cooperative pool: a blocking wait here would hold one of its two threads
    /// for as long as the command runs.
    static func run(_ command: [String], environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        let process = try ChildProcess.start(command, environment: merged)
        return await process.wait()
    }
}
