import ArgumentParser
import Foundation
import ParapetEscalation
import ParapetModels
import ParapetTrustConfiguration

/// `parapet route test --school S --clause C [--about PERSON]`: who would be told, how and when.
struct RouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route", abstract: "Check a trust configuration's routing before it goes live.", subcommands: [Test.self])

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print who would be told about a breach of a clause, how and when, without opening anything.")

        @Option(help: "The trust's configuration folder (default: PARAPET_TRUST, else \(ClassifyTrust.exampleFolder)).")
        var trust: String?

        @Option(help: "The school, e.g. stokes-wood.")
        var school: String

        @Option(help: "The clause id of the school's pack, e.g. sw-defamatory.")
        var clause: String

        @Option(help: "A person the post is about (repeatable): they are never told, the next in the chain is.")
        var about: [String] = []

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() async throws {
            let folder = ClassifyTrust.folder(option: trust)
            let configuration: TrustConfiguration
            do {
                configuration = try TrustConfiguration.load(from: URL(fileURLWithPath: folder))
            } catch {
                throw ValidationError("cannot read the trust configuration in \(folder): \(error)")
            }
            let preview: RoutePreview
            do {
                preview = try Escalator(configuration: configuration).preview(school: school, clause: clause, about: about)
            } catch {
                throw ValidationError(error.description)
            }
            if json {
                print(String(decoding: try ParapetJSON.encode(preview), as: UTF8.self))
            } else {
                print(Self.text(preview))
            }
        }

        static func text(_ preview: RoutePreview) -> String {
            var lines = [
                "\(preview.school) \(preview.clause): \(preview.behaviour.rawValue), \(preview.severity.rawValue)"
            ]
            if let quote = preview.quote { lines.append("  policy: \"\(quote)\"") }
            lines.append(preview.mode == .immediate ? "  told at once:" : "  told in the daily digest:")
            for person in preview.recipients {
                lines.append("    \(person.role.rawValue): \(person.name) <\(person.email)>")
            }
            if preview.recipients.isEmpty { lines.append("    no one: the school has no contact in these roles") }
            if !preview.leftOut.isEmpty { lines.append("  not told (the post is about them): \(preview.leftOut.joined(separator: ", "))") }
            lines.append("  first step: \(preview.firstStep.rawValue)\(preview.firstStepWords.map { " — \"\($0)\"" } ?? "")")
            lines.append("  ladder: \(preview.ladder.map(\.rawValue).joined(separator: " → "))")
            let hours = Double(preview.acknowledgeWithinSeconds) / 3600
            let overdue = preview.overdueTo.map { "\($0.name) <\($0.email)>" }.joined(separator: ", ")
            lines.append(
                "  unacknowledged after \(hours.formatted(.number.precision(.fractionLength(0...1))))h: to \(overdue.isEmpty ? "no one" : overdue)")
            return lines.joined(separator: "\n")
        }
    }
}
