import Foundation
import Logging
import ParapetModels
import ParapetPostgres
import ParapetSchema
import ParapetStore
import ParapetTrustConfiguration
import TestSupport

/// A throwaway PostgreSQL with Parapet's schema and the example trust applied, and posts on
/// one of its accounts.
enum StoreDatabase {
    /// An account of the example trust (Examples/oakfield-learning-trust/accounts.yaml).
    static let account = "sp-facebook-page"
    static let school = "stour-provost"
    static let trust = "oakfield-learning-trust"

    /// Runs `body` with a client of a new migrated database holding the example trust.
    static func with(
        maximumConnections: Int = 4, _ body: (PostgresClient) async throws -> Void
    ) async throws {
        try await LocalInfrastructure.with([.postgres]) { infrastructure in
            var logger = Logger(label: "store-test")
            logger.logLevel = .error
            let client = PostgresClient(
                configuration: try PostgresConfiguration(
                    url: infrastructure.databaseURL, maximumConnections: maximumConnections),
                logger: logger)
            do {
                try await ParapetSchema.migrate(client, logger: logger)
                let example = LocalInfrastructure.repositoryRoot.appending(path: "Examples/oakfield-learning-trust")
                try await TrustConfigurationStore(client: client).apply(try TrustConfiguration.load(from: example))
                try await body(client)
            } catch {
                await client.shutdown()
                throw error
            }
            await client.shutdown()
        }
    }

    /// A post on ``account`` with `text`, received `seconds` after a fixed time.
    static func post(
        id: UUID = UUID(), externalID: String? = nil, text: String, displayName: String? = "Dan Reeve",
        receivedAfter seconds: Double = 0
    ) -> Post {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        return Post(
            id: id, trust: trust, school: school, account: account, platform: .facebook,
            externalID: externalID ?? "100025901430459_\(id.uuidString.prefix(8))",
            author: PostAuthor(handle: "dan.reeve", displayName: displayName, kind: .parent), text: text,
            media: [MediaAttachment(url: URL(string: "https://example.org/photo/1.jpg")!, type: .image)],
            createdAt: start, receivedAt: start.addingTimeInterval(60 + seconds),
            permalink: URL(string: "https://www.facebook.com/100025901430459/posts/1"))
    }

    /// The first value of the first row of `query`.
    static func scalar(_ client: PostgresClient, _ query: PostgresQuery) async throws -> Int {
        try await client.query(query).first?.decode(Int.self, at: 0) ?? -1
    }
}
