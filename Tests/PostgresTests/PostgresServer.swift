import Foundation
import ParapetPostgres
import TestSupport
import Testing

/// One throwaway PostgreSQL server for a whole suite: `@Suite(.postgresServer)`.
///
/// Starting a cluster takes about 1.5 s, so tests in a suite share one and keep apart by using
/// their own tables, or their own database (``withFreshDatabase(_:)``) when they touch
/// `schema_migrations`.
struct PostgresServerTrait: SuiteTrait, TestScoping {
    @TaskLocal static var databaseURL: String?

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await LocalInfrastructure.with([.postgres]) { infrastructure in
            try await Self.$databaseURL.withValue(infrastructure.databaseURL) {
                try await function()
            }
        }
    }
}

extension Trait where Self == PostgresServerTrait {
    /// Starts a PostgreSQL server for the suite and stops it afterwards.
    static var postgresServer: Self { Self() }
}

struct NoServerForTest: Error, CustomStringConvertible {
    var description: String { "the test's suite has no .postgresServer trait" }
}

/// The suite's server's URL.
func serverURL() throws -> String {
    guard let url = PostgresServerTrait.databaseURL else { throw NoServerForTest() }
    return url
}

/// Runs `body` with a client of the suite's server (or of `url`), and shuts the client down after.
@discardableResult
func withClient<Value>(
    url: String? = nil, maximumConnections: Int = 4,
    _ body: (PostgresClient) async throws -> Value
) async throws -> Value {
    let configuration = try PostgresConfiguration(url: url ?? serverURL(), maximumConnections: maximumConnections)
    let client = PostgresClient(configuration: configuration)
    do {
        let value = try await body(client)
        await client.shutdown()
        return value
    } catch {
        await client.shutdown()
        throw error
    }
}

/// Runs `body` with the URL of a new, empty database on the suite's server.
func withFreshDatabase<Value>(_ body: (String) async throws -> Value) async throws -> Value {
    let name = uniqueName("db")
    try await withClient { try await $0.execute("CREATE DATABASE \(identifier: name)") }
    var url = try serverURL()
    url.replaceSubrange(url.index(after: url.lastIndex(of: "/")!)..., with: name)
    return try await body(url)
}

/// A name no other test in the run uses, for a table or database.
func uniqueName(_ prefix: String) -> String {
    "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
}

/// A new temporary folder holding `files` (name → contents), for migration sets.
func temporaryFolder(with files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(path: uniqueName("migrations"))
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, contents) in files {
        try contents.write(to: folder.appending(path: name), atomically: true, encoding: .utf8)
    }
    return folder
}
