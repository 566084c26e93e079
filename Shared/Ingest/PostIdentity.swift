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
        // The name "platform:externalID" hashed as bytes, without building a String: once per item.
        var name: [UInt8] = []
        name.reserveCapacity(platform.rawValue.utf8.count + 1 + externalID.utf8.count)
        name.append(contentsOf: platform.rawValue.utf8)
        name.append(UInt8(ascii: ":"))
        name.append(contentsOf: externalID.utf8)
        return SHA256.hash(data: name).withUnsafeBytes { UUID(version8Hash: $0) }
    }
}
