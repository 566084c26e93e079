import Foundation
import TestSupport

/// Runs a command to its end and keeps its status and output.
enum ChildProcessRunner {
    static func run(_ command: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        let process = try ChildProcess.start(command, environment: merged)
        return process.waitForExit()
    }
}
