import Foundation
import ParapetKafka
import ParapetModels
import ParapetPipeline
import ParapetPolicyEngine
import ParapetStore

/// One polled batch after decoding and classification: per message, a verdict to store and
/// publish, a removed post to mark, or a dead letter. Made on every core at once; no I/O but
/// the configuration reload a post of an unknown school triggers.
struct ClassifiedBatch: Sendable {
    /// What became of one message.
    enum Item: Sendable {
        /// A post judged: its envelope id, trust, verdict, the breaches as JSON, and whether an
        /// operator replayed it.
        case verdict(messageID: UUID, trust: String, verdict: Verdict, breachesJSON: [UInt8], replay: Bool)
        /// A removed post: not classified, only marked processed.
        case removed(messageID: UUID, trust: String)
        case deadLetter(DeadLetter)
    }

    var messages: [KafkaMessage]
    var items: [Item]
    /// When every verdict of the batch was decided, to the millisecond, and as ParapetJSON writes it.
    var decidedAt: Date
    var decidedAtText: String
    /// When the batch was polled, for the batch latency.
    var polledAt: ContinuousClock.Instant
    /// How long decoding and classifying took.
    var classifying: Duration = .zero

    /// Decodes and classifies `messages`, split across the cores. A post the engines reject as
    /// unknown (school, account or trust) triggers one configuration reload and is classified
    /// again before it is dead-lettered.
    static func classify(_ messages: [KafkaMessage], engines: TrustEngines, polledAt: ContinuousClock.Instant) async -> ClassifiedBatch {
        let decidedAt = wholeMilliseconds(Date())
        var current = await engines.engines
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, messages.count / 256))
        var items = [Item?](repeating: nil, count: messages.count)
        var misses: [Int] = []
        let snapshot = current
        await withTaskGroup(of: (Int, [Item?], [Int]).self) { group in
            let size = (messages.count + chunks - 1) / chunks
            for start in stride(from: 0, to: messages.count, by: size) {
                let range = start..<min(start + size, messages.count)
                group.addTask {
                    var chunk: [Item?] = []
                    chunk.reserveCapacity(range.count)
                    var missed: [Int] = []
                    for index in range {
                        let item = classify(messages[index], engines: snapshot, decidedAt: decidedAt, isRetry: false)
                        if item == nil { missed.append(index) }
                        chunk.append(item)
                    }
                    return (range.lowerBound, chunk, missed)
                }
            }
            for await (start, chunk, missed) in group {
                items.replaceSubrange(start..<start + chunk.count, with: chunk)
                misses += missed
            }
        }
        if !misses.isEmpty {
            if await engines.refreshAfterMiss() { current = await engines.engines }
            for index in misses {
                items[index] = classify(messages[index], engines: current, decidedAt: decidedAt, isRetry: true)
            }
        }
        return ClassifiedBatch(
            messages: messages, items: items.map { $0! }, decidedAt: decidedAt, decidedAtText: ParapetJSON.string(from: decidedAt),
            polledAt: polledAt, classifying: .now - polledAt)
    }

    /// What becomes of one message; nil when the engines do not know the post's trust, school
    /// or account and a reload may help (`isRetry` false).
    static func classify(_ message: KafkaMessage, engines: [String: PolicyEngine], decidedAt: Date, isRetry: Bool) -> Item? {
        let envelope: Envelope<Post>
        switch decode(message) {
        case .post(let decoded): envelope = decoded
        case .deadLetter(let letter): return .deadLetter(letter)
        }
        let post = envelope.payload
        if post.isRemoved { return .removed(messageID: envelope.id, trust: post.trust) }
        guard let engine = engines[post.trust] else {
            guard isRetry else { return nil }
            return .deadLetter(
                DeadLetter(
                    message: message, reason: .unclassifiable,
                    error: "no configuration for trust \"\(post.trust)\" has been applied (parapet config apply)"))
        }
        do {
            let verdict = try engine.classify(post, decidedAt: decidedAt)
            let replay = message.header("replay")?.stringValue == "true"
            return .verdict(
                messageID: envelope.id, trust: post.trust, verdict: verdict, breachesJSON: VerdictJSONWriter.breaches(verdict.breaches),
                replay: replay)
        } catch {
            switch error {
            case .unknownSchool, .unknownAccount, .accountOfAnotherSchool, .otherTrust:
                if !isRetry { return nil }
            case .textTooLong:
                break
            }
            return .deadLetter(DeadLetter(message: message, reason: .unclassifiable, error: "\(error)"))
        }
    }

    /// The post envelope in `message`: read by the fast path, else by ``IncomingEvent``, which
    /// reads every schema version the models accept and says what is wrong with the rest.
    static func decode(_ message: KafkaMessage) -> Decoded {
        if let envelope = PostEnvelopeReader.read(message.value) { return .post(envelope) }
        if let offset = firstInvalidUTF8(message.value) {
            return .deadLetter(DeadLetter(message: message, reason: .malformed, error: "the message is not valid UTF-8 (byte \(offset))"))
        }
        do {
            switch try IncomingEvent(json: Data(message.value)) {
            case .post(let envelope): return .post(envelope)
            case let other:
                return .deadLetter(
                    DeadLetter(
                        message: message, reason: .wrongTopic,
                        error: "a \(other.schema) message on \(message.topic), which carries posts"))
            }
        } catch {
            switch error {
            case .unknownSchema: return .deadLetter(DeadLetter(message: message, reason: .unknownSchema, error: error.description))
            case .malformedEnvelope, .malformedPayload: return .deadLetter(DeadLetter(message: message, reason: .malformed, error: error.description))
            }
        }
    }

    /// A message read: a post envelope, or why not.
    enum Decoded: Sendable {
        case post(Envelope<Post>)
        case deadLetter(DeadLetter)
    }

    /// The offset of the first byte that breaks UTF-8, or nil when `bytes` is valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// `date` to the nearest millisecond, as ParapetJSON and PostgreSQL both keep it.
    static func wholeMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}
