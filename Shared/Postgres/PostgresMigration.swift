import Crypto
import ParapetCodecs

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One schema change: a version, a name and the SQL that makes it.
///
/// Files are named `NNNN_name.sql` (e.g. `0001_processed_messages.sql`); the number is the
/// version. The SQL may hold several statements but no `BEGIN`/`COMMIT`: the migrator runs each
/// migration in a transaction of its own, together with the row that records it.
public struct PostgresMigration: Sendable, Hashable {
    /// Orders migrations; unique within a set.
    public let version: Int
    /// A short description, from the file name.
    public let name: String
    /// The statements to run.
    public let sql: String
    /// SHA-256 of the SQL text, in hex; an applied migration whose text changes is refused.
    public let checksum: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = HexDigit.lowercased(SHA256.hash(data: Array(sql.utf8)))
    }

    /// Reads every `NNNN_name.sql` file in `directory`, sorted by version. Other files are
    /// ignored, since a resource folder may hold a README.
    /// - Throws: ``PostgresMigrationError`` if the folder or a file cannot be read, a `.sql`
    ///   file is not named `NNNN_name.sql`, or two files share a version.
    public static func load(from directory: URL) throws(PostgresMigrationError) -> [PostgresMigration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw PostgresMigrationError(.unreadable(path: directory.path, reason: "\(error)"))
        }
        var migrations: [PostgresMigration] = []
        for fileName in names.sorted() where fileName.hasSuffix(".sql") {
            let file = directory.appending(path: fileName)
            guard let (version, name) = parse(fileName: fileName) else {
                throw PostgresMigrationError(.invalidFileName(path: file.path))
            }
            let sql: String
            do {
                sql = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw PostgresMigrationError(.unreadable(path: file.path, reason: "\(error)"))
            }
            migrations.append(PostgresMigration(version: version, name: name, sql: sql))
        }
        try checkUnique(migrations)
        return migrations.sorted { $0.version < $1.version }
    }

    /// `0007_add_cases.sql` → (7, "add_cases").
    static func parse(fileName: String) -> (version: Int, name: String)? {
        let stem = fileName.dropLast(".sql".count)
        guard let underscore = stem.firstIndex(of: "_"),
            let version = Int(stem[..<underscore]), version > 0,
            stem[..<underscore].allSatisfy(\.isASCII)
        else { return nil }
        let name = stem[stem.index(after: underscore)...]
        guard !name.isEmpty else { return nil }
        return (version, String(name))
    }

    /// Throws if two migrations share a version.
    static func checkUnique(_ migrations: [PostgresMigration]) throws(PostgresMigrationError) {
        var seen: [Int: String] = [:]
        for migration in migrations {
            if let other = seen.updateValue(migration.name, forKey: migration.version) {
                throw PostgresMigrationError(.duplicateVersion(version: migration.version, names: [other, migration.name]))
            }
        }
    }
}
