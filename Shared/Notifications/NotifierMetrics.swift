import CoreMetrics

/// The notifier's Prometheus series.
///
/// - `parapet_notifier_emails_sent_total{kind}`: emails the mail server accepted, by ``EmailKind``.
/// - `parapet_notifier_emails_failed_total`: emails refused for good (dead-lettered): alert on any.
/// - `parapet_notifier_send_retries_total`: tries that failed while the mail server was down or
///   answered 4xx; a rising rate means mail is queueing.
/// - `parapet_notifier_resent_after_crash_total`: emails sent again because an earlier run
///   stopped between sending and recording (each may have arrived twice, with the same Message-ID).
/// - `parapet_notifier_digest_entries_total`: notifications kept for a digest.
/// - `parapet_notifier_send_seconds`: one SMTP transaction, from MAIL FROM to the server's reply.
/// - `parapet_notifier_alert_age_seconds`: from the notification's creation to the server's
///   acceptance of its email.
struct NotifierMetrics: Sendable {
    private let sent: [EmailKind: Counter]
    private let failed: Counter
    private let retries: Counter
    private let resent: Counter
    private let digestEntries: Counter
    private let sendSeconds: Timer
    private let alertAge: Timer

    init(factory: any MetricsFactory) {
        sent = Dictionary(
            uniqueKeysWithValues: EmailKind.allCases.map {
                ($0, Counter(label: "parapet_notifier_emails_sent_total", dimensions: [("kind", $0.rawValue)], factory: factory))
            })
        failed = Counter(label: "parapet_notifier_emails_failed_total", factory: factory)
        retries = Counter(label: "parapet_notifier_send_retries_total", factory: factory)
        resent = Counter(label: "parapet_notifier_resent_after_crash_total", factory: factory)
        digestEntries = Counter(label: "parapet_notifier_digest_entries_total", factory: factory)
        sendSeconds = Timer(label: "parapet_notifier_send_seconds", factory: factory)
        alertAge = Timer(label: "parapet_notifier_alert_age_seconds", factory: factory)
    }

    func sent(_ kind: EmailKind, took duration: Duration, age: Double?) {
        sent[kind]?.increment()
        sendSeconds.recordNanoseconds(Int64(duration / .nanoseconds(1)))
        if let age, age >= 0 { alertAge.recordNanoseconds(Int64(age * 1e9)) }
    }

    func failedForGood() { failed.increment() }
    func retried() { retries.increment() }
    func resentAfterCrash() { resent.increment() }
    func keptForDigest(_ count: Int) { digestEntries.increment(by: count) }
}
