import ArgumentParser
import Foundation
import ParapetModels
import ParapetPackDrafting

/// `parapet pack draft POLICY.txt --school ID`: a draft policy pack from a school's policy.
struct PackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack", abstract: "Draft a school's policy pack from its social media policy (docs/trust-configuration.md).",
        subcommands: [Draft.self])

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a policy as plain text and write a draft pack for a person to check.",
            discussion: """
                Every sentence that states a rule the engine has a behaviour for becomes a clause quoting it, \
                with the behaviour, the audience the policy addresses, and the severity, ladder and recipients \
                of the trust default's clause for that behaviour. Sentences that read as rules but name no \
                behaviour are listed at the end as comments. Needs no broker or database.
                """)

        @Argument(help: "The policy as a plain text file (UTF-8).")
        var policy: String

        @Option(help: "The school the pack is for: an id in the trust's schools.yaml.")
        var school: String

        @Option(help: "The trust's configuration folder (default: PARAPET_TRUST, else \(ClassifyTrust.exampleFolder)).")
        var trust: String?

        @Option(name: [.short, .customLong("output")], help: "Write the draft here instead of to standard output.")
        var output: String?

        func run() throws {
            guard let data = FileManager.default.contents(atPath: policy) else {
                OperatorContext.fail("cannot read the policy \(policy): no such file, or not readable")
                throw ExitCode(66)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                OperatorContext.fail("\(policy) is not UTF-8 text: save the policy as plain UTF-8 text (not a Word or PDF file)")
                throw ExitCode(65)
            }
            let configuration = try ConfigCommand.load(ClassifyTrust.folder(option: trust))
            guard configuration.schools.contains(where: { $0.id == school }) else {
                let known = configuration.schools.map(\.id).sorted().joined(separator: ", ")
                OperatorContext.fail("no school \"\(school)\" in the trust's schools.yaml (schools: \(known))")
                throw ExitCode(64)
            }
            let document = PolicyDocument(text: text)
            let draft = PackDrafter(defaults: configuration.defaultPack).draft(
                document, school: school, source: URL(fileURLWithPath: policy).lastPathComponent)
            let yaml = draft.yaml()
            if let output {
                do {
                    try Data(yaml.utf8).write(to: URL(fileURLWithPath: output))
                } catch {
                    OperatorContext.fail("cannot write \(output): \(error.localizedDescription)")
                    throw ExitCode(73)
                }
                FileHandle.standardError.write(
                    Data("parapet: \(draft.clauses.count) clauses and \(draft.unplaced.count) unplaced sentences written to \(output)\n".utf8))
            } else {
                print(yaml, terminator: "")
            }
        }
    }
}
