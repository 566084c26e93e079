import Crypto
import Foundation
import ParapetModels

/// Meta's webhooks for Facebook Pages and Instagram professional accounts: the subscription
/// handshake and the deliveries.
///
/// A delivery is `{"object": "page" | "instagram", "entry": [{"id": <page or IG user id>,
/// "time": <unix>, "changes": [{"field": …, "value": {…}}]}]}`. Page `feed` changes become posts,
/// edits and removals (see ``MetaFeedChange``); Instagram `comments` and `mentions` become posts
/// (see ``InstagramChange``). Every other field, every entry without `changes` (Messenger's
/// `messaging`) and every feed item that is not a post or comment (reactions, likes) is skipped
/// without error, so that Meta does not retry deliveries Parapet has no use for.
public enum MetaWebhook {
    /// Answers Meta's subscription check (`GET /webhooks/meta?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`).
    ///
    /// - Returns: `hub.challenge`, to be sent back as the plain-text body of a 200.
    /// - Throws: `bad_token` (403) unless `hub.mode` is `subscribe` and `hub.verify_token` equals
    ///   `verifyToken` (compared in constant time; an empty configured token matches nothing);
    ///   `invalid_field` (400) when `hub.challenge` is missing or longer than 1024 characters.
    public static func handshake(query: [String: String], verifyToken: String) throws(IngestError) -> String {
        guard query["hub.mode"] == "subscribe" else {
            throw IngestError(.badVerifyToken, "hub.mode: expected subscribe, found \(JSONStringEscaping.excerpt(query["hub.mode"] ?? ""))")
        }
        let offered = query["hub.verify_token"] ?? ""
        let matches = WebhookSignature.constantTimeEqual(
            Array(SHA256.hash(data: Array(offered.utf8))), Array(SHA256.hash(data: Array(verifyToken.utf8))))
        guard matches, !verifyToken.isEmpty else {
            throw IngestError(.badVerifyToken, "hub.verify_token: does not match the configured verify token")
        }
        guard let challenge = query["hub.challenge"], !challenge.isEmpty else {
            throw IngestError(.invalidField, "hub.challenge: is required but missing")
        }
        guard challenge.utf8.count <= 1024 else {
            throw IngestError(.invalidField, "hub.challenge: longer than 1024 bytes")
        }
        return challenge
    }

    /// The items in one delivery, in the order Meta sent them.
    ///
    /// - Parameter receivedAt: when ingest received the delivery; stands in for times Meta leaves out.
    /// - Throws: `invalid_utf8` or `malformed_json` (400) for a body that is not UTF-8 JSON;
    ///   `invalid_field` (400) naming the JSON path for a field of the wrong type or value;
    ///   `unsupported` (422) for an `object` other than `page` or `instagram`.
    public static func parse(_ body: [UInt8], receivedAt: Date) throws(IngestError) -> [IngestItem] {
        let root = try JSONField(JSONValue.parseRequest(body)).object()
        let objectField = try root.required("object")
        let platform: MonitoredAccount.Platform
        switch try objectField.string() {
        case "page": platform = .facebook
        case "instagram": platform = .instagram
        case let other:
            throw IngestError(.unsupported, "object: \(JSONStringEscaping.excerpt(other)) is not page or instagram")
        }
        var items: [IngestItem] = []
        for entryField in try root.required("entry").array() {
            let entry = try entryField.object()
            let account = try entry.required("id").identifier()
            let entryTime = try entry.optional("time")?.unixTime()
            guard let changes = try entry.optional("changes")?.array() else { continue }
            for changeField in changes {
                let change = try changeField.object()
                let context = MetaChangeContext(
                    account: account, entryTime: entryTime, receivedAt: receivedAt)
                let item: IngestItem?
                switch (platform, try change.required("field").string()) {
                case (.facebook, "feed"):
                    item = try MetaFeedChange.item(try change.required("value").object(), context)
                case (.instagram, "comments"):
                    item = try InstagramChange.comment(try change.required("value").object(), context)
                case (.instagram, "mentions"):
                    item = try InstagramChange.mention(try change.required("value").object(), context)
                default:
                    item = nil
                }
                if let item { items.append(item) }
            }
        }
        return items
    }
}

/// What every change in one Meta entry shares.
struct MetaChangeContext {
    /// The page or Instagram user id (`entry.id`).
    let account: String
    /// When the change happened (`entry.time`), if Meta said.
    let entryTime: Date?
    let receivedAt: Date

    /// When the change happened: Meta's entry time, else when ingest received it.
    var changedAt: Date { entryTime ?? receivedAt }

    /// The stand-in author for an item whose `from` Meta withheld (it does for people who have
    /// not granted the app permission): a handle unique to the item, so that unknown authors are
    /// never grouped together as one person.
    static func unknownAuthor(of externalID: String) -> PostAuthor {
        PostAuthor(handle: "unknown:\(externalID)")
    }
}
