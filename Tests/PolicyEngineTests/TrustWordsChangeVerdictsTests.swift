import Foundation
import ParapetModels
import ParapetPolicyEngine
import ParapetTrustConfiguration
import Testing

/// A trust's own words change what the engine finds and the ruleset version its verdicts carry,
/// and nothing else: without them a verdict is exactly what the built-in rules give.
@Suite("Trust words change verdicts")
struct TrustWordsChangeVerdictsTests {
    static let configuration = EngineRobustnessTests.configuration

    static func engine(_ words: [TrustWords], otherNames: [String: [String]] = [:]) throws -> PolicyEngine {
        var configuration = configuration
        configuration.trust.words = words
        for index in configuration.schools.indices {
            configuration.schools[index].alsoKnownAs = otherNames[configuration.schools[index].id] ?? []
        }
        return try PolicyEngine(configuration: configuration)
    }

    static func behaviours(_ text: String, _ engine: PolicyEngine, account: String = "sp-parents-facebook-group") throws -> Set<Behaviour> {
        let post = EngineRobustnessTests.post(text, account: account)
        return Set(try engine.classify(post, decidedAt: EngineRobustnessTests.decidedAt).breaches.map(\.behaviour))
    }

    @Test("a word the trust adds is found, under a new ruleset version and verdict id; without it the verdict is the built-in one")
    func addedWord() throws {
        let builtIn = try Self.engine([])
        let local = try Self.engine([TrustWords(behaviour: .abusiveLanguage, words: ["bampot~"])])
        let text = "Her dad is an absolute BAMPOT, shouting at the gates again"
        #expect(try !Self.behaviours(text, builtIn).contains(.abusiveLanguage))
        #expect(try Self.behaviours(text, local).contains(.abusiveLanguage))
        #expect(try Self.behaviours("Bampots the lot of them", local).contains(.abusiveLanguage), "endings are matched as the lists' are")

        #expect(builtIn.rulesetVersion == PolicyEngine.builtInRulesetVersion)
        #expect(local.rulesetVersion.hasPrefix(PolicyEngine.builtInRulesetVersion + "+trust."))
        let post = EngineRobustnessTests.post(text)
        let old = try builtIn.classify(post, decidedAt: EngineRobustnessTests.decidedAt)
        let new = try local.classify(post, decidedAt: EngineRobustnessTests.decidedAt)
        #expect(old.id != new.id && new.rulesetVersion == local.rulesetVersion)
        #expect(try Self.engine([]).classify(post, decidedAt: EngineRobustnessTests.decidedAt).id == old.id, "the old rules keep the old id")
        let again = try Self.engine([TrustWords(behaviour: .abusiveLanguage, words: ["bampot~"])])
        #expect(again.rulesetVersion == local.rulesetVersion, "the same words give the same version")
        let other = try Self.engine([TrustWords(behaviour: .abusiveLanguage, words: ["bampot~", "gowk"])])
        #expect(other.rulesetVersion != local.rulesetVersion, "a word more is a new version")
    }

    @Test("a phrase the trust marks harmless stops a built-in word inside it counting, and only there")
    func harmlessPhrase() throws {
        let local = try Self.engine([TrustWords(behaviour: .abusiveLanguage, harmless: ["Sluts Hole Lane"])])
        let lane = "Sluts Hole Lane is flooded again, take the long way to school"
        #expect(try !Self.behaviours(lane, Self.engine([])).isEmpty, "the built-in rules flag the lane")
        #expect(try Self.behaviours(lane, local).isEmpty)
        #expect(try !Self.behaviours("She is a slut", local).isEmpty, "the word alone still counts")
    }

    @Test("a slur, a threat and an extremist slogan the trust adds are each found as their behaviour")
    func otherBehaviours() throws {
        let local = try Self.engine([
            TrustWords(behaviour: .hateSpeech, words: ["blowins"]),
            TrustWords(behaviour: .threatOfViolence, words: ["a word round the back"]),
            TrustWords(behaviour: .safeguardingExtremism, words: ["shieldwall rising"]),
        ])
        let builtIn = try Self.engine([])
        let cases: [(String, Behaviour)] = [
            ("Too many blowins at this school now", .hateSpeech),
            ("Someone wants to have a word round the back with him after pickup", .threatOfViolence),
            ("SHIELDWALL RISING. Share if you agree", .safeguardingExtremism),
        ]
        for (text, behaviour) in cases {
            #expect(try !Self.behaviours(text, builtIn).contains(behaviour), "\(text)")
            #expect(try Self.behaviours(text, local).contains(behaviour), "\(text)")
        }
    }

    @Test("a school's other name is read as its name: a page set up under it is an unofficial site")
    func otherSchoolName() throws {
        let text = "I have made a Stokesy parents page on facebook, the school does not know about it"
        let builtIn = try Self.engine([])
        let local = try Self.engine([], otherNames: ["stokes-wood": ["Stokesy"]])
        #expect(local.rulesetVersion != builtIn.rulesetVersion)
        let post = EngineRobustnessTests.post(text, account: "sw-parents-facebook-group")
        #expect(try !builtIn.detections(in: post).contains { $0.behaviour == .unofficialSchoolSite })
        #expect(try local.detections(in: post).contains { $0.behaviour == .unofficialSchoolSite })
    }
}
