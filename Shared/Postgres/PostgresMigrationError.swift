/// Why migrating failed. `description` is one line naming the migration or file.
public struct PostgresMigrationError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        /// A migration already applied has different SQL now; applied migrations must not change.
        case checksumMismatch(version: Int, name: String, applied: String, current: String)
        /// Two migrations have the same version.
        case duplicateVersion(version: Int, names: [String])
        /// A `.sql` file is not named `NNNN_name.sql`.
        case invalidFileName(path: String)
        /// A folder or file could not be read.
        case unreadable(path: String, reason: String)
        /// A migration's SQL failed; nothing of it was kept.
        case migrationFailed(version: Int, name: String, error: PostgresError)
        /// The runner's own statements (lock, bookkeeping table) failed.
        case database(PostgresError)
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    /// The database error behind this one, if any; e.g. to read its `sqlState`.
    public var postgresError: PostgresError? {
        switch reason {
        case .migrationFailed(_, _, let error), .database(let error): error
        default: nil
        }
    }

    public var description: String {
        switch reason {
        case .checksumMismatch(let version, let name, let applied, let current):
            "migration \(version) (\(name)) was changed after it was applied: "
                + "checksum \(current.prefix(12)) differs from the applied \(applied.prefix(12)); add a new migration instead"
        case .duplicateVersion(let version, let names):
            "two migrations have version \(version): \(names.joined(separator: " and "))"
        case .invalidFileName(let path):
            "migration file \(path) is not named NNNN_name.sql"
        case .unreadable(let path, let reason):
            "cannot read migrations at \(path): \(reason)"
        case .migrationFailed(let version, let name, let error):
            "migration \(version) (\(name)) failed: \(error)"
        case .database(let error):
            "migrating failed: \(error)"
        }
    }
}
