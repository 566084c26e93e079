import Dispatch
import Foundation

/// Runs programs with posix_spawn and waitpid.
///
/// Foundation's `Process.waitUntilExit` was seen never to return under the parallel test runner
/// once the script had started daemons (they inherit a descriptor it watches); a plain waitpid
/// on a Dispatch thread has no such trouble and keeps the blocking wait off the cooperative pool.
public enum ChildProcess {
    public struct Failed: Error, CustomStringConvertible {
        public var command: [String]
        public var status: Int32
        public var output: String
        public var description: String { "\(command.joined(separator: " ")) exited \(status): \(output)" }

        public init(command: [String], status: Int32, output: String) {
            self.command = command
            self.status = status
            self.output = output
        }
    }

    /// Runs `command` (absolute path first) to completion; returns what it printed, or throws
    /// `Failed` on a non-zero exit.
    public static func run(_ command: [String], environment: [String: String]? = nil) async throws -> String {
        let process = try start(command, environment: environment)
        let (status, output) = await process.wait()
        guard status == 0 else { throw Failed(command: command, status: status, output: output) }
        return output
    }

    /// The same as `run`, blocking the calling thread; for clean-up paths that cannot await.
    public static func runBlocking(_ command: [String]) throws -> String {
        let process = try start(command, environment: nil)
        let (status, output) = process.waitBlocking()
        guard status == 0 else { throw Failed(command: command, status: status, output: output) }
        return output
    }

    /// Starts `command` with stdin from /dev/null and stdout and stderr into one file.
    /// `environment` replaces the inherited environment when given.
    public static func start(_ command: [String], environment: [String: String]? = nil) throws -> RunningProcess {
        let outputPath = FileManager.default.temporaryDirectory.appending(path: "parapet-child-\(UUID().uuidString).log").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var variables = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { variables?.forEach { free($0) } }
        // The child starts with no signal blocked and SIGTERM and SIGINT at their defaults: the
        // test process's threads block or catch them (for its own shutdown), and a child, and the
        // daemons a script starts, would otherwise inherit that and never stop on SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned: Int32
        if variables != nil {
            spawned = variables!.withUnsafeMutableBufferPointer { posix_spawn(&pid, command[0], &actions, &attributes, arguments, $0.baseAddress) }
        } else {
            spawned = posix_spawn(&pid, command[0], &actions, &attributes, arguments, environ)
        }
        guard spawned == 0 else {
            throw Failed(command: command, status: -1, output: String(cString: strerror(spawned)))
        }
        return RunningProcess(pid: pid, outputPath: outputPath)
    }
}

/// A started child process.
public final class RunningProcess: Sendable {
    public let pid: pid_t
    private let outputPath: String

    init(pid: pid_t, outputPath: String) {
        self.pid = pid
        self.outputPath = outputPath
    }

    /// What the process has printed so far.
    public var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    public func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the process to end; returns its exit status (128 + signal if killed) and output.
    public func wait() async -> (status: Int32, output: String) {
        await withCheckedContinuation { continuation in
            // A thread of its own: dozens of suites wait for servers to start at once, and
            // parking those waits on Dispatch's shared pool starves the clients under test.
            Thread.detachNewThread { continuation.resume(returning: self.waitBlocking()) }
        }
    }

    /// Waits for the process to end, blocking this thread; for synchronous tests.
    public func waitForExit() -> (status: Int32, output: String) { waitBlocking() }

    func waitBlocking() -> (status: Int32, output: String) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = output
        unlink(outputPath)
        // WIFEXITED/WEXITSTATUS are macros Swift cannot import.
        return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), text)
    }
}
