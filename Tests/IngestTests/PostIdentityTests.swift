import Foundation
import ParapetIngest
import ParapetModels
import Testing

/// Expected ids computed independently: the first 16 bytes of SHA-256("platform:id") with
/// version 8 and the RFC 9562 variant set, in Python.
@Suite("Post ids are version 8 UUIDs named by platform and external id")
struct PostIdentityTests {
    @Test func matchesAnIndependentDerivation() {
        #expect(
            PostIdentity.id(platform: .facebook, externalID: Payloads.commentID)
                == UUID(uuidString: "43E5564D-9101-868F-8489-6FF0ABA2537E"))
        #expect(
            PostIdentity.id(platform: .x, externalID: "1045405559317569537")
                == UUID(uuidString: "D1865960-BC00-8D63-A504-0ACECDFFECF3"))
    }

    @Test func isDeterministicAndDependsOnThePlatform() {
        let first = PostIdentity.id(platform: .instagram, externalID: "17865799348089039")
        #expect(first == PostIdentity.id(platform: .instagram, externalID: "17865799348089039"))
        #expect(first != PostIdentity.id(platform: .facebook, externalID: "17865799348089039"))
        #expect(first != PostIdentity.id(platform: .instagram, externalID: "17865799348089040"))
    }

    @Test func carriesVersion8AndTheRFCVariant() {
        let uuid = PostIdentity.id(platform: .forum, externalID: "thread-88/post-4").uuid
        #expect(uuid.6 >> 4 == 8)
        #expect(uuid.8 >> 6 == 0b10)
    }
}
