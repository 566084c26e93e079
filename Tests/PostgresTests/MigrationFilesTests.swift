import Foundation
import ParapetPostgres
import ParapetSchema
import Testing

/// Migrations load from `NNNN_name.sql` files, in version order; bad names and clashing
/// versions are refused before anything runs.
@Suite struct MigrationFilesTests {
    @Test func filesLoadInVersionOrderWithNamesFromTheirFileNames() throws {
        let folder = try temporaryFolder(with: [
            "0010_tenth.sql": "SELECT 10;",
            "0002_second_one.sql": "SELECT 2;",
            "notes.txt": "ignored",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let migrations = try ParapetSchema.migrations(in: folder)
        #expect(migrations.map(\.version) == [2, 10])
        #expect(migrations.map(\.name) == ["second_one", "tenth"])
        #expect(migrations[0].sql == "SELECT 2;")
    }

    @Test func aBadlyNamedFileIsRefused() throws {
        let folder = try temporaryFolder(with: ["create_things.sql": "SELECT 1;"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: PostgresMigrationError.self) { try PostgresMigration.load(from: folder) }
        #expect(error?.description.hasSuffix("create_things.sql is not named NNNN_name.sql") == true)
    }

    @Test func twoFilesWithOneVersionAreRefused() throws {
        let folder = try temporaryFolder(with: ["0001_a.sql": "SELECT 1;", "0001_b.sql": "SELECT 2;"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: PostgresMigrationError.self) { try PostgresMigration.load(from: folder) }
        #expect(error?.description == "two migrations have version 1: a and b")
    }

    @Test func aMissingFolderIsReported() {
        let error = #expect(throws: PostgresMigrationError.self) {
            try PostgresMigration.load(from: URL(fileURLWithPath: "/nonexistent/migrations"))
        }
        #expect(error?.description.hasPrefix("cannot read migrations at /nonexistent/migrations") == true)
    }

    @Test func theBundledMigrationsLoad() throws {
        let migrations = try ParapetSchema.migrations()
        #expect(!migrations.isEmpty)
        #expect(migrations.map(\.version) == migrations.map(\.version).sorted())
        #expect(migrations.allSatisfy { $0.checksum.count == 64 })
    }
}
