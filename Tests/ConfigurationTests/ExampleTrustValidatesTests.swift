import Foundation
import ParapetModels
import ParapetTrustConfiguration
import Testing

@Suite("The example trust")
struct ExampleTrustValidatesTests {
    @Test("the shipped example trust is valid, with several hundred pupils over the five seed schools")
    func exampleIsValid() throws {
        let trust = try TrustConfiguration.load(from: ExampleTrust.folder)
        #expect(trust.trust.id == "oakfield-learning-trust")
        #expect(Set(trust.schools.map(\.id)) == ["stour-provost", "stokes-wood", "dauvergne", "trimley-st-martin", "levens-ce"])
        let pupils = trust.rosters.reduce(0) { $0 + $1.pupils.count }
        #expect(pupils >= 300)
        #expect(trust.rosters.allSatisfy { !$0.staff.isEmpty && !$0.governors.isEmpty })
        for school in trust.schools {
            let pack = try #require(trust.effectivePack(for: school.id))
            // The merged pack covers every behaviour, from the school's own words or the default.
            #expect(Set(pack.clauses.map(\.behaviour)) == Set(Behaviour.allCases), "\(school.id)")
        }
    }

    @Test("parapet config validate accepts the example")
    func validateCommand() async throws {
        let process = try await ChildProcessRunner.run([ExampleTrust.parapet, "config", "validate", ExampleTrust.folder.path])
        #expect(process.status == 0, "\(process.output)")
        #expect(process.output.hasPrefix("oakfield-learning-trust: valid"))
    }
}
