import Foundation
import TestSupport

/// Runs the built `parapet classify` as a policy author would, on the example trust.
enum ClassifyCLI {
    /// The built `parapet` executable beside the test bundle.
    static var parapet: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appending(path: "parapet").path
    }

    static let exampleTrust = LocalInfrastructure.repositoryRoot.appending(path: "Examples/oakfield-learning-trust").path

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `parapet classify --trust <example> ARGUMENTS < stdin`, with standard output and error apart.
    static func run(_ arguments: [String], stdin: String = "") async throws -> Result {
        try await run(command: ["classify", "--trust", exampleTrust] + arguments, stdin: stdin)
    }

    /// `parapet COMMAND < stdin`, with standard output and error apart.
    static func run(command arguments: [String], stdin: String = "") async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appending(path: "parapet-classify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appending(path: "stdin")
        let output = folder.appending(path: "stdout")
        let errors = folder.appending(path: "stderr")
        try Data(stdin.utf8).write(to: input)
        let command = ([parapet] + arguments).map(quote).joined(separator: " ")
        let process = try ChildProcess.start(
            ["/bin/sh", "-c", "exec \(command) <\(quote(input.path)) >\(quote(output.path)) 2>\(quote(errors.path))"],
            environment: ["PATH": "/usr/bin:/bin"])
        let (status, _) = await process.wait()
        return Result(
            status: status, stdout: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    private static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
