import Foundation
import ParapetModels
import ParapetPackDrafting
import ParapetTrustConfiguration
import TestSupport
import Testing

/// A draft is a pack file the trust's own loader accepts as it stands: put in place of a
/// school's hand-written pack, the trust folder still validates, and the clauses read back are
/// the ones drafted.
@Suite struct DraftIsAValidPackTests {
    @Test func everySeedPolicysDraftLoadsInPlaceOfItsPack() throws {
        let original = DraftFindsHandWrittenClausesTests.trustFolder
        let trust = try TrustConfiguration.load(from: original)
        let drafter = PackDrafter(defaults: trust.defaultPack)
        for pack in trust.schoolPacks {
            let copy = FileManager.default.temporaryDirectory.appending(path: "parapet-draft-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: copy) }
            try FileManager.default.copyItem(at: original, to: copy)
            let source = try #require(pack.source)
            let text = try String(contentsOf: original.appending(path: "policies/\(source)"), encoding: .utf8)
            let draft = drafter.draft(PolicyDocument(text: text), school: try #require(pack.school), source: source)
            let file = try FileManager.default.contentsOfDirectory(atPath: copy.appending(path: "packs").path)
                .first { name in
                    name != "default.yaml"
                        && (try? String(contentsOf: copy.appending(path: "packs/\(name)"), encoding: .utf8))?.contains("id: \(pack.id)\n") == true
                }
            let target = copy.appending(path: "packs/\(try #require(file))")
            try Data(draft.yaml().utf8).write(to: target)
            let reloaded = try TrustConfiguration.load(from: copy)
            let read = try #require(reloaded.schoolPacks.first { $0.school == pack.school })
            #expect(read.clauses == draft.clauses.map(\.clause), "\(pack.id)")
            #expect(!read.clauses.isEmpty)
        }
    }

    @Test func quotesAreVerbatimAndOddCharactersSurviveTheYAML() throws {
        let text = """
            Guidelines for Parents

            - Never post "racist" or \\ defamatory comments;\tever.
            - Please don't use the school's logo: ask first.
            """
        let defaults = try TrustConfiguration.load(from: DraftFindsHandWrittenClausesTests.trustFolder).defaultPack
        let draft = PackDrafter(defaults: defaults).draft(PolicyDocument(text: text), school: "levens-ce", source: "odd.txt")
        #expect(draft.clauses.map(\.clause.behaviour) == [.hateSpeech, .defamation, .unauthorisedUseOfSchoolName])
        #expect(draft.clauses[0].clause.quote == "Never post \"racist\" or \\ defamatory comments;\tever.")
        #expect(draft.clauses.allSatisfy { $0.clause.appliesTo == [.parents, .anyone] })
        let copy = FileManager.default.temporaryDirectory.appending(path: "parapet-draft-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: DraftFindsHandWrittenClausesTests.trustFolder, to: copy)
        try Data(draft.yaml().utf8).write(to: copy.appending(path: "packs/levens-ce.yaml"))
        let read = try #require(try TrustConfiguration.load(from: copy).schoolPacks.first { $0.school == "levens-ce" })
        #expect(read.clauses.map(\.quote) == draft.clauses.map(\.clause.quote))
    }
}
