import Crypto
import Foundation
import ParapetModels

/// Parapet's id for a post, derived from the platform's id for it so that every delivery of the
/// same item maps to the same post without a lookup.
public enum PostIdentity {
    /// A name-based UUID (version 8, RFC 9562 §5.8 and Appendix B.2) from the SHA-256 of
    /// `"<platform>:<externalID>"` in UTF-8: the first 16 bytes of the digest with the version
    /// nibble set to 8 and the variant bits to `10`.
    public static func id(platform: MonitoredAccount.Platform, externalID: String) -> UUID {
        let digest = Array(SHA256.hash(data: Array("\(platform.rawValue):\(externalID)".utf8)))
        var bytes = Array(digest.prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
