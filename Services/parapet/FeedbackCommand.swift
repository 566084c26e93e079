import ArgumentParser
import Foundation
import ParapetCodecs
import ParapetModels
import ParapetPipeline
import ParapetPostgres
import ParapetStore

/// `parapet feedback export`: what leaders taught the engine, as labelled JSON Lines.
struct FeedbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "Export what leaders taught the engine, as labelled posts.", subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write cases closed as not a breach and breaches leaders recorded by hand, in the labelled corpus format.",
            discussion: """
                One JSON object a line, as in Tests/PolicyEngineTests/Corpus: a case closed as not a breach \
                gives each of its posts as a near miss (breaks: what the engine found, less what the leader \
                rejected); a breach recorded with POST /v1/posts/{id}/missed-breaches gives the post as a \
                breach (breaks: what the engine found and what the leader added). "source" and "judged" say \
                which, and what the leader decided. Posts quote their authors: keep the file as you keep the database.
                """)

        @Option(help: "The trust, when more than one is configured.")
        var trust: String?

        @Option(help: "Only this school's.")
        var school: String?

        @Option(help: "Only what was decided at or after this time (ISO 8601 with a zone).")
        var since: String?

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        func validate() throws {
            if let since, ParapetJSON.date(from: since) == nil {
                throw ValidationError("--since \"\(since)\" is not an ISO 8601 date and time with a zone")
            }
        }

        func run() async throws {
            let (trust, school, since, output) = (trust, school, since.flatMap(ParapetJSON.date(from:)), output)
            let context = try OperatorContext.load()
            try await context.run {
                let client = PostgresClient(configuration: try context.settings.postgres(applicationName: "parapet-feedback"), logger: context.logger)
                do {
                    let trusts = try await TrustConfigurationStore(client: client).trustIDs()
                    let chosen = try Self.choose(trust, from: trusts)
                    let examples = try await FeedbackStore(client: client).examples(trust: chosen, school: school, since: since)
                    var bytes: [UInt8] = []
                    for example in examples { bytes += try Self.line(example) + [UInt8(ascii: "\n")] }
                    if let output {
                        try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
                    } else {
                        FileHandle.standardOutput.write(Data(bytes))
                    }
                    let breaches = examples.filter { $0.source == .missedBreach }.count
                    FileHandle.standardError.write(
                        Data("feedback: \(examples.count - breaches) near misses, \(breaches) missed breaches\n".utf8))
                } catch {
                    await client.shutdown()
                    throw error
                }
                await client.shutdown()
            }
        }

        static func choose(_ trust: String?, from trusts: [String]) throws -> String {
            if let trust {
                guard trusts.contains(trust) else {
                    throw ValidationError("no trust \"\(trust)\" is configured (have: \(trusts.joined(separator: ", ")))")
                }
                return trust
            }
            guard trusts.count == 1 else {
                throw ValidationError(
                    trusts.isEmpty ? "no trust is configured: run parapet config apply first" : "--trust: one of \(trusts.joined(separator: ", "))")
            }
            return trusts[0]
        }

        /// One corpus line: the fields `LabelledCorpus` reads, and where the label came from.
        static func line(_ example: FeedbackStore.Example) throws -> [UInt8] {
            struct Line: Encodable {
                struct Author: Encodable {
                    var handle: String
                    var kind: String
                }
                struct Medium: Encodable {
                    var type: String
                    var altText: String?
                    var tagged: [String]?
                    enum CodingKeys: String, CodingKey {
                        case type, tagged
                        case altText = "alt_text"
                    }
                }
                var id: String
                var label: String
                var text: String
                var school: String
                var account: String
                var author: Author
                var replyTo: String?
                var media: [Medium]
                var breaks: [String]
                var source: String
                var judged: [String]
                enum CodingKeys: String, CodingKey {
                    case id, label, text, school, account, author, media, breaks, source, judged
                    case replyTo = "reply_to"
                }
            }
            let post = example.post
            let label = example.source == .notABreach ? "near_miss" : "breaks"
            let line = Line(
                id: "feedback-\(example.source.rawValue)-\(post.id.lowercasedString.prefix(8))-r\(post.revision)", label: label,
                text: post.text, school: post.school, account: post.account,
                author: .init(handle: post.author.handle, kind: post.author.kind.rawValue), replyTo: post.replyTo,
                media: post.media.map { .init(type: $0.type.rawValue, altText: $0.altText, tagged: $0.taggedPeople) },
                breaks: example.breaks.map(\.rawValue), source: example.source.rawValue, judged: example.judged.map(\.rawValue))
            return Array(try ParapetJSON.encode(line))
        }
    }
}
