import Foundation
import ParapetModels
import ParapetPolicyEngine
import ParapetPostgres
import ParapetSchema
import ParapetStore
import ParapetTrustConfiguration
import TestSupport
import Testing

@Suite("Configuration read back from PostgreSQL")
struct StoredConfigurationMatchesFilesTests {
    @Test(
        "the applied example trust reads back as the files say: same schools, accounts, people, contacts and effective packs, and the same verdicts")
    func readBackMatchesFiles() async throws {
        try await LocalInfrastructure.with([.postgres]) { infrastructure in
            let client = PostgresClient(
                configuration: try PostgresConfiguration(url: infrastructure.databaseURL), logger: ClassifierHarness.quietLogger)
            defer { Task { await client.shutdown() } }
            try await ParapetSchema.migrate(client, logger: ClassifierHarness.quietLogger)
            let files = try TrustConfiguration.load(from: ClassifierHarness.exampleTrust)
            let store = TrustConfigurationStore(client: client)
            try await store.apply(files)

            #expect(try await store.trustIDs() == [files.trust.id])
            #expect(try await store.load(trust: "no-such-trust") == nil)
            let stored = try #require(try await store.load(trust: files.trust.id))
            let loaded = stored.configuration
            #expect(loaded.trust == files.trust)
            #expect(Set(loaded.schools) == Set(files.schools))
            #expect(Set(loaded.accounts) == Set(files.accounts))
            #expect(Set(loaded.contacts) == Set(files.contacts))
            #expect(loaded.defaultPack == files.defaultPack)
            for school in files.schools {
                #expect(loaded.effectivePack(for: school.id) == files.effectivePack(for: school.id), "\(school.id)")
                let fileRoster = files.rosters.first { $0.school == school.id }
                let loadedRoster = loaded.rosters.first { $0.school == school.id }
                #expect(Set(loadedRoster?.pupils ?? []) == Set(fileRoster?.pupils ?? []), "\(school.id) pupils")
                #expect(Set(loadedRoster?.staff ?? []) == Set(fileRoster?.staff ?? []), "\(school.id) staff")
                #expect(Set(loadedRoster?.governors ?? []) == Set(fileRoster?.governors ?? []), "\(school.id) governors")
            }
            #expect(stored.packVersions == (try await store.currentPackVersions(trust: files.trust.id)))

            // The engine built from either gives the same verdicts.
            let fromFiles = try PolicyEngine(configuration: files, packVersions: stored.packVersions)
            let fromDatabase = try PolicyEngine(configuration: loaded, packVersions: stored.packVersions)
            let decided = Date(timeIntervalSince1970: 1_790_000_000)
            for (index, text) in [
                "Lovely assembly", "The head is a liar and a thief", "Mr Bennett is useless", "I'll smash his face in at the gates",
                "Nathaniel Campbell was crying at pick-up again", "This school is a fucking joke",
            ].enumerated() {
                for account in files.accounts {
                    let post = ClassifierHarness.post("read-back-\(index)", text: text, school: account.school, account: account.id)
                    #expect(
                        try fromFiles.classify(post, decidedAt: decided) == fromDatabase.classify(post, decidedAt: decided),
                        "\(text) on \(account.id)")
                }
            }

            // A stamp moves with any change, and only then.
            let stamp = try await store.stamp()
            try await store.apply(files)
            #expect(try await store.stamp() == stamp, "an unchanged apply leaves the stamp")
            var changed = files
            changed.rosters[0].pupils.removeLast()
            try await store.apply(changed)
            #expect(try await store.stamp() != stamp, "a roster change moves it")
        }
    }
}
