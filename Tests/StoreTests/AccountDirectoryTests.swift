import Foundation
import ParapetModels
import ParapetPostgres
import ParapetStore
import Testing

@Suite("The account directory")
struct AccountDirectoryTests {
    @Test("finds the example trust's accounts by platform and external id, and by id")
    func lookups() async throws {
        try await StoreDatabase.with { client in
            let directory = try await AccountDirectory.load(client)
            #expect(directory.count == (try await StoreDatabase.scalar(client, "SELECT count(*) FROM monitored_accounts")))
            let page = try #require(directory.account(platform: .facebook, externalID: "100025901430459"))
            #expect(page.account.id == StoreDatabase.account)
            #expect(page.account.school == StoreDatabase.school && page.account.runBy == .school)
            #expect(page.trust == StoreDatabase.trust)
            // Every row is found both ways.
            let rows = try await client.query("SELECT id, platform, external_id, trust_id FROM monitored_accounts")
            for (id, platform, externalID, trust) in try rows.decode((String, String, String, String).self) {
                let entry = try #require(directory.account(id: id))
                #expect(entry.trust == trust)
                #expect(directory.account(platform: try #require(.init(rawValue: platform)), externalID: externalID) == entry)
            }
            #expect(directory.account(platform: .x, externalID: "100025901430459") == nil)
            #expect(directory.account(id: "no-such-account") == nil)
        }
    }
}
