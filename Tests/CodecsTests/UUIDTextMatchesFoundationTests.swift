import Foundation
import ParapetCodecs
import Testing

/// UUIDs are written by hand on the publish path; the text must be Foundation's.
@Suite struct UUIDTextMatchesFoundationTests {
    @Test func upperAndLowerCaseTextAreFoundations() {
        for id in [
            UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)),
        ]
            + (0..<1000).map({ _ in UUID() })
        {
            #expect(id.uppercasedString == id.uuidString)
            #expect(id.lowercasedString == id.uuidString.lowercased())
            var bytes = Array("name:".utf8)
            id.appendLowercased(to: &bytes)
            #expect(bytes == Array(("name:" + id.uuidString.lowercased()).utf8))
        }
    }
}
