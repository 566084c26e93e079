import Foundation
import ParapetModels
import ParapetTrustConfiguration

/// The labelled scenario corpus (`Corpus/<behaviour>.jsonl`), read into posts.
struct LabelledCorpus {
    struct Entry: Decodable {
        struct Author: Decodable {
            var handle: String
            var kind: PostAuthor.Kind?
            var displayName: String?

            enum CodingKeys: String, CodingKey {
                case handle, kind
                case displayName = "display_name"
            }
        }
        struct Media: Decodable {
            var type: MediaAttachment.Kind
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
        var school: String?
        var account: String?
        var author: Author?
        var replyTo: String?
        var media: [Media]?
        var breaks: [Behaviour]

        enum CodingKeys: String, CodingKey {
            case id, label, text, school, account, author, media, breaks
            case replyTo = "reply_to"
        }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    static let exampleTrust = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples/oakfield-learning-trust").standardizedFileURL

    /// Every entry of every file, with the file it came from.
    static func load() throws -> [(file: String, entry: Entry)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        var entries: [(String, Entry)] = []
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                do {
                    entries.append((file, try JSONDecoder().decode(Entry.self, from: Data(line.utf8))))
                } catch {
                    throw CorpusError(file: file, line: number + 1, reason: "\(error)")
                }
            }
        }
        return entries
    }

    struct CorpusError: Error, CustomStringConvertible {
        var file: String
        var line: Int
        var reason: String
        var description: String { "\(file):\(line): \(reason)" }
    }

    /// FNV-1a, so a corpus entry's post id is the same in every run.
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// The post an entry describes, in the example trust, on its account's platform (as
    /// `parapet classify --jsonl` reads the same line).
    static func post(for entry: Entry, in configuration: TrustConfiguration) -> Post {
        let trust = configuration.trust.id
        let account = entry.account ?? "sp-parents-facebook-group"
        let platform = configuration.accounts.first { $0.id == account }?.platform ?? .facebook
        let school = entry.school ?? "stour-provost"
        let created = Date(timeIntervalSince1970: 1_793_000_000)  // November 2026
        let media = (entry.media ?? []).enumerated().map { index, media in
            MediaAttachment(
                url: URL(string: "https://media.example.invalid/\(entry.id)/\(index).jpg")!, type: media.type, altText: media.altText,
                taggedPeople: media.tagged)
        }
        return Post(
            id: UUID(uuidString: "00000000-0000-4000-8000-\(String(format: "%012llx", stableHash(entry.id) & 0xFFFF_FFFF_FFFF))")!,
            trust: trust, school: school, account: account, platform: platform,
            externalID: entry.id,
            author: PostAuthor(
                handle: entry.author?.handle ?? "parent.\(entry.id)", displayName: entry.author?.displayName,
                kind: entry.author?.kind ?? .parent),
            text: entry.text, media: media, replyTo: entry.replyTo, createdAt: created, receivedAt: created)
    }
}
