import Logging

/// Applies ordered SQL migrations once each, safely when several services start at once.
///
/// A run takes a session-level advisory lock (`pg_advisory_lock`) on one connection and holds
/// it throughout, so concurrent runners take turns; only then does it create the
/// `schema_migrations(version, name, checksum, applied_at)` table if missing, check that every
/// applied migration's checksum still matches, and apply the missing ones in version order, each
/// in its own transaction together with its `schema_migrations` row.
///
/// ```swift
/// let applied = try await PostgresMigrator(client: client, migrations: migrations).run()
/// ```
public struct PostgresMigrator: Sendable {
    /// The advisory lock key runners agree on: the bytes of "parapet\u{1}".
    public static let defaultLockKey: Int64 = 0x7061_7261_7065_7401

    public let client: PostgresClient
    /// The migrations, in any order; versions must be unique.
    public let migrations: [PostgresMigration]
    public let lockKey: Int64
    private let logger: Logger

    public init(
        client: PostgresClient, migrations: [PostgresMigration], lockKey: Int64 = defaultLockKey,
        logger: Logger = Logger(label: "parapet.postgres.migrations")
    ) {
        self.client = client
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.lockKey = lockKey
        self.logger = logger
    }

    /// Applies the migrations not yet applied and returns them; an empty array if the database
    /// was up to date.
    /// - Throws: ``PostgresMigrationError``: a changed checksum or duplicate version (before
    ///   anything is applied), or a migration that failed (after the ones before it were applied).
    @discardableResult
    public func run() async throws(PostgresMigrationError) -> [PostgresMigration] {
        try PostgresMigration.checkUnique(migrations)
        do {
            return try await client.withConnection { connection in
                try await connection.execute("SELECT pg_advisory_lock(\(lockKey))")
                do {
                    let applied = try await applyPending(on: connection)
                    try await connection.execute("SELECT pg_advisory_unlock(\(lockKey))")
                    return applied
                } catch {
                    // Closing the session would release the lock too; this frees it sooner.
                    _ = try? await connection.execute("SELECT pg_advisory_unlock(\(lockKey))")
                    throw error
                }
            }
        } catch let error as PostgresMigrationError {
            throw error
        } catch let error as PostgresError {
            throw PostgresMigrationError(.database(error))
        } catch {
            throw PostgresMigrationError(.database(PostgresError(code: .invalidUsage, message: "\(error)")))
        }
    }

    /// The part of a run done while holding the lock.
    private func applyPending(on connection: PostgresConnection) async throws -> [PostgresMigration] {
        try await connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version bigint PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        var applied: [Int: (name: String, checksum: String)] = [:]
        for row in try await connection.query("SELECT version, name, checksum FROM schema_migrations") {
            let (version, name, checksum) = try row.decode((Int, String, String).self)
            applied[version] = (name, checksum)
        }
        for migration in migrations {
            if let record = applied[migration.version], record.checksum != migration.checksum {
                throw PostgresMigrationError(
                    .checksumMismatch(
                        version: migration.version, name: migration.name, applied: record.checksum,
                        current: migration.checksum))
            }
        }
        let known = Set(migrations.map(\.version))
        for (version, record) in applied where !known.contains(version) {
            // A newer release applied it; this one can still run on the schema it expects.
            logger.warning(
                "the database has a migration this release does not know",
                metadata: ["migration.version": "\(version)", "migration.name": "\(record.name)"])
        }

        var newlyApplied: [PostgresMigration] = []
        for migration in migrations where applied[migration.version] == nil {
            let start = ContinuousClock.now
            do {
                try await connection.withTransaction { transaction in
                    try await transaction.executeScript(migration.sql)
                    try await transaction.execute(
                        """
                        INSERT INTO schema_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                        """)
                }
            } catch let error as PostgresError {
                throw PostgresMigrationError(
                    .migrationFailed(version: migration.version, name: migration.name, error: error))
            }
            logger.info(
                "applied migration",
                metadata: [
                    "migration.version": "\(migration.version)", "migration.name": "\(migration.name)",
                    "migration.duration": "\(ContinuousClock.now - start)",
                ])
            newlyApplied.append(migration)
        }
        return newlyApplied
    }
}
