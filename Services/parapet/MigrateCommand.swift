import ArgumentParser
import Foundation
import ParapetPipeline
import ParapetPostgres
import ParapetSchema

/// `parapet migrate`: brings the database schema up to date.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending database migrations (safe to run from many places at once).")

    @Option(help: "A folder of NNNN_name.sql files to use instead of the bundled migrations.")
    var directory: String?

    func run() async throws {
        let context = try OperatorContext.load()
        try await context.run {
            let client = PostgresClient(configuration: try context.settings.postgres(applicationName: "parapet-migrate"), logger: context.logger)
            defer { Task { await client.shutdown() } }
            let applied = try await ParapetSchema.migrate(client, directory: directory.map { URL(fileURLWithPath: $0) }, logger: context.logger)
            print(applied.isEmpty ? "schema is up to date" : applied.map { "applied \($0.version) \($0.name)" }.joined(separator: "\n"))
        }
    }
}
