import Foundation
import ParapetKafka
import ParapetSMTP

/// How the notifier consumes, sends, retries, gathers digests and tells the time.
public struct NotifierConfiguration: Sendable {
    /// The consumer group on `parapet.notifications`, and the `consumer` of its dead letters.
    public static let consumerGroup = "parapet-notifier"

    public var kafka: KafkaConfiguration
    public var sessionTimeout: Duration
    public var smtp: SMTPConfiguration
    /// `PARAPET_PUBLIC_URL`: where leaders open a case (its path appended).
    public var publicURL: URL
    /// The local time of day, in each trust's time zone, of its daily digest.
    public var digestHour: Int
    public var digestMinute: Int
    /// The most notifications polled at once.
    public var batchSize: Int
    /// How many cases' emails go out side by side, each lane on its own SMTP connection; one
    /// case's emails always share a lane, so they keep their order.
    public var lanes: Int
    public var pollTimeout: Duration
    /// How often to gather and send due digests.
    public var sweepInterval: Duration
    /// How often to look for sign-in links to email: a leader is waiting for each.
    public var signInInterval: Duration
    /// How long a sign-in link works, once.
    public var signInLinkLifetime: Duration
    /// How often to check PostgreSQL for a changed trust configuration.
    public var reloadInterval: Duration
    /// The wait between tries while the mail server is down or answers 4xx.
    public var backoff: Backoff
    /// The time now: the wall clock in production, a clock a test moves in tests.
    public var now: @Sendable () -> Date

    public init(
        kafka: KafkaConfiguration, sessionTimeout: Duration = .seconds(45), smtp: SMTPConfiguration, publicURL: URL, digestHour: Int = 16,
        digestMinute: Int = 0, batchSize: Int = 500, lanes: Int = 4, pollTimeout: Duration = .milliseconds(100),
        sweepInterval: Duration = .seconds(30), signInInterval: Duration = .milliseconds(500),
        signInLinkLifetime: Duration = .seconds(15 * 60), reloadInterval: Duration = .seconds(10), backoff: Backoff = Backoff(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.kafka = kafka
        self.sessionTimeout = sessionTimeout
        self.smtp = smtp
        self.publicURL = publicURL
        self.digestHour = digestHour
        self.digestMinute = digestMinute
        self.batchSize = batchSize
        self.lanes = max(1, lanes)
        self.pollTimeout = pollTimeout
        self.sweepInterval = sweepInterval
        self.signInInterval = signInInterval
        self.signInLinkLifetime = signInLinkLifetime
        self.reloadInterval = reloadInterval
        self.backoff = backoff
        self.now = now
    }

    var consumer: KafkaConsumerConfiguration {
        KafkaConsumerConfiguration(kafka, groupID: Self.consumerGroup, sessionTimeout: sessionTimeout)
    }

    var producer: KafkaProducerConfiguration { KafkaProducerConfiguration(kafka) }

    /// The page of case `id`.
    func caseLink(_ id: UUID) -> URL {
        publicURL.appending(path: "cases").appending(path: id.uuidString.lowercased())
    }
}
