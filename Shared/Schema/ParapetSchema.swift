import Foundation
import Logging
import ParapetPostgres

/// Parapet's database schema: the ordered SQL migrations in `Migrations/NNNN_name.sql`.
///
/// The files ship as this module's resources. A deployment that keeps them elsewhere (for
/// example a container image without the resource bundle) passes their folder at run time.
public enum ParapetSchema {
    /// The migrations bundled with this module, in version order.
    public static func migrations() throws(PostgresMigrationError) -> [PostgresMigration] {
        guard let directory = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw PostgresMigrationError(
                .unreadable(path: Bundle.module.bundlePath + "/Migrations", reason: "the resource folder is missing"))
        }
        return try PostgresMigration.load(from: directory)
    }

    /// The migrations in `directory`, in version order.
    public static func migrations(in directory: URL) throws(PostgresMigrationError) -> [PostgresMigration] {
        try PostgresMigration.load(from: directory)
    }

    /// Brings the database up to date with the bundled migrations, or those in `directory` if
    /// given; returns the migrations it applied.
    @discardableResult
    public static func migrate(
        _ client: PostgresClient, directory: URL? = nil,
        logger: Logger = Logger(label: "parapet.schema")
    ) async throws(PostgresMigrationError) -> [PostgresMigration] {
        let chosen = if let directory { try migrations(in: directory) } else { try migrations() }
        return try await PostgresMigrator(client: client, migrations: chosen, logger: logger).run()
    }
}
