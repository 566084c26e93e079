import Crypto
import ParapetCodecs
import ParapetStore

/// The token every form carries against cross-site request forgery: derived from the secret in
/// the visitor's cookie (the session's, or before sign-in a random one of its own), so another
/// site cannot know it, another session's does not match, and any replica can check it.
enum FormToken {
    /// The token for forms shown to the holder of cookie secret `secret`.
    static func token(for secret: String) -> String {
        HexDigit.lowercased(SHA256.hash(data: Array("parapet.form-token:\(secret)".utf8)))
    }

    /// Whether `presented` is the token for `secret`, compared in full whatever differs first.
    static func matches(_ presented: String?, secret: String?) -> Bool {
        guard let presented, let secret else { return false }
        return AccessToken.sameInConstantTime(Array(presented.utf8), Array(token(for: secret).utf8))
    }
}
