import ArgumentParser
import Foundation
import ParapetPipeline
import ParapetRuntime

/// What every operator command needs: settings from the environment, a logger, and one way to
/// fail — a single line on stderr and a sysexits code, never a stack trace.
struct OperatorContext {
    let settings: PipelineSettings
    let logger: Logger

    /// Reads the environment; bad configuration ends the command with exit code 78.
    static func load() throws -> OperatorContext {
        do {
            let reader = try ConfigurationReader()
            return OperatorContext(settings: try PipelineSettings(reader), logger: quietLogger)
        } catch {
            for problem in error.errors { Self.fail(problem) }
            throw ExitCode(ServiceRunner.ExitCode.configuration.rawValue)
        }
    }

    /// Operators read this at a terminal: text, and only what went wrong.
    static var quietLogger: Logger {
        Logger(label: "parapet") { label in
            LineLogHandler(label: label, service: "parapet", format: TextLogFormat(), level: .warning)
        }
    }

    /// Runs `body`; an error is printed as one line and becomes exit code 69.
    func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Self.fail(error)
            throw ExitCode(ServiceRunner.ExitCode.unavailable.rawValue)
        }
    }

    static func fail(_ error: any Error) {
        fail(String(describing: error))
    }

    static func fail(_ line: String) {
        FileHandle.standardError.write(Data("parapet: \(line)\n".utf8))
    }
}
