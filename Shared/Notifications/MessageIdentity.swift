import Crypto
import Foundation
import ParapetCodecs
import ParapetModels

/// The ids the notifier gives its emails, derived from what they are about, so that sending
/// again after a crash, a redelivery or a replay gives the same ids.
public enum MessageIdentity {
    /// The `Message-ID` (without angle brackets) of notification `id`'s email to `recipient`:
    /// one per notification and recipient, in the sender's domain.
    public static func messageID(notification id: UUID, recipient: String, domain: String) -> String {
        let tag = HexDigit.lowercased(SHA256.hash(data: Array(recipient.lowercased().utf8)).prefix(6))
        return "\(id.lowercasedString).\(tag)@\(domain)"
    }

    /// The digest of `school` for `recipient` on local day `day`: one a day per contact and school.
    public static func digestID(trust: String, school: String, recipient: String, day: CalendarDate) -> UUID {
        let name = "parapet.digest:\(trust):\(school):\(recipient.lowercased()):\(day)"
        return SHA256.hash(data: Array(name.utf8)).withUnsafeBytes { UUID(version8Hash: $0) }
    }
}
