import ArgumentParser
import Foundation
import ParapetModels
import ParapetPipeline
import ParapetPostgres
import ParapetRuntime
import ParapetSchema
import ParapetStore
import ParapetTrustConfiguration

/// `parapet config validate|apply DIR`: check a trust's configuration folder, or load it.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check or load a trust's configuration folder (docs/trust-configuration.md).",
        subcommands: [Validate.self, Apply.self])

    /// Problems are printed one per line; the exit code is 65 (EX_DATAERR) for bad files.
    static func load(_ folder: String) throws -> TrustConfiguration {
        do {
            return try TrustConfiguration.load(from: URL(fileURLWithPath: folder))
        } catch {
            for problem in error.problems { OperatorContext.fail(problem.description) }
            throw ExitCode(65)
        }
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a trust folder; print every problem with its file, line and field.")

        @Argument(help: "The trust's folder, e.g. Examples/oakfield-learning-trust.")
        var folder: String

        func run() async throws {
            let trust = try ConfigCommand.load(folder)
            let pupils = trust.rosters.reduce(0) { $0 + $1.pupils.count }
            print(
                "\(trust.trust.id): valid — \(trust.schools.count) schools, \(trust.accounts.count) accounts, \(pupils) pupils, \(trust.schoolPacks.count) school packs"
            )
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a trust folder into PostgreSQL in one transaction; unchanged rows are left alone.")

        @Argument(help: "The trust's folder.")
        var folder: String

        func run() async throws {
            let trust = try ConfigCommand.load(folder)
            let database: DatabaseSettings
            do {
                database = try DatabaseSettings(try ConfigurationReader())
            } catch {
                for problem in error.errors { OperatorContext.fail(problem) }
                throw ExitCode(ServiceRunner.ExitCode.configuration.rawValue)
            }
            let logger = OperatorContext.quietLogger
            let client = PostgresClient(configuration: try database.postgres(applicationName: "parapet-config"), logger: logger)
            do {
                try await ParapetSchema.migrate(client, logger: logger)
                let summary = try await TrustConfigurationStore(client: client).apply(trust)
                await client.shutdown()
                print(summary.isUnchanged ? "\(trust.trust.id): unchanged\n\(summary)" : "\(trust.trust.id): applied\n\(summary)")
            } catch {
                await client.shutdown()
                OperatorContext.fail(error)
                throw ExitCode(ServiceRunner.ExitCode.unavailable.rawValue)
            }
        }
    }
}
