import Foundation
import Logging
import ParapetModels
import ParapetPostgres
import ParapetSchema
import ParapetStore
import ParapetTrustConfiguration

/// The database a service benchmark runs on: migrated, with the example trust applied, and
/// fresh (the table the benchmark counts is empty, or its figures would count another run's rows).
enum BenchDatabase {
    struct NotFresh: Error, CustomStringConvertible {
        var table: String
        var description: String { "the \(table) table is not empty: run against fresh servers (scripts/bench starts them)" }
    }

    /// The trust read from `trustFolder` and a client on `url` with it applied; shut the client down when done.
    static func prepare(
        url: String, trustFolder: String, fresh table: String, logger: Logger
    ) async throws -> (
        TrustConfiguration, PostgresClient
    ) {
        let configuration = try TrustConfiguration.load(from: URL(fileURLWithPath: trustFolder))
        let client = PostgresClient(configuration: try PostgresConfiguration(url: url, maximumConnections: 2), logger: logger)
        do {
            try await ParapetSchema.migrate(client, logger: logger)
            try await TrustConfigurationStore(client: client).apply(configuration)
            guard try await client.query(PostgresQuery(stringLiteral: "SELECT count(*) FROM \(table)"))[0].decode(Int.self) == 0 else {
                throw NotFresh(table: table)
            }
        } catch {
            await client.shutdown()
            throw error
        }
        return (configuration, client)
    }
}
