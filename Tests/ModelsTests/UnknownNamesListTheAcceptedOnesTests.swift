import Foundation
import ParapetModels
import Testing

/// Every closed set of names Parapet reads from JSON refuses a name it does not know by listing
/// the ones it does, and reads the names platforms use for the same thing.
@Suite struct UnknownNamesListTheAcceptedOnesTests {
    struct Holder<Value: NamedChoice>: Decodable {
        var value: Value
    }

    static func decode<Value: NamedChoice>(_ type: Value.Type, _ name: String) throws -> Value {
        try JSONDecoder().decode(Holder<Value>.self, from: Data(#"{"value": "\#(name)"}"#.utf8)).value
    }

    static func message<Value: NamedChoice>(_ type: Value.Type, _ name: String) -> String? {
        do {
            _ = try decode(type, name)
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return context.debugDescription
        } catch {
            return "\(error)"
        }
    }

    @Test func anUnknownNameListsEveryAcceptedOne() {
        #expect(Self.message(MediaAttachment.Kind.self, "gif") == #""gif" is not one of image, video, other"#)
        #expect(Self.message(PostAuthor.Kind.self, "alien") == #""alien" is not one of parent, staff, pupil, governor, public, unknown"#)
        #expect(Self.message(Severity.self, "huge")?.hasPrefix(#""huge" is not one of "#) == true)
        #expect(Self.message(Behaviour.self, "rudeness")?.contains("naming_pupils, pupil_full_name") == true)
        #expect(Self.message(ContactRole.self, "caretaker")?.contains(ContactRole.headteacher.rawValue) == true)
        #expect(Self.message(MonitoredAccount.Platform.self, "myspace")?.contains(MonitoredAccount.Platform.allCases[0].rawValue) == true)
    }

    @Test func platformsNamesForTheSameThingAreRead() throws {
        #expect(try Self.decode(MediaAttachment.Kind.self, "photo") == .image)
        #expect(try Self.decode(MediaAttachment.Kind.self, "animated_gif") == .video)
        #expect(try Self.decode(MediaAttachment.Kind.self, "image") == .image)
        // Written always by its own name.
        let written = try JSONEncoder().encode(["value": try Self.decode(MediaAttachment.Kind.self, "photo")])
        #expect(String(decoding: written, as: UTF8.self) == #"{"value":"image"}"#)
    }

    @Test func aVeryLongUnknownNameIsCutInTheMessage() {
        let message = Self.message(MediaAttachment.Kind.self, String(repeating: "x", count: 500))
        #expect((message?.count ?? 0) < 120)
        #expect(message?.hasSuffix("is not one of image, video, other") == true)
    }
}
