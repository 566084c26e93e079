import ParapetNotifications
import ParapetPipeline
import ParapetRuntime

// Consumes parapet.notifications and sends each email once through the mail server
// (PARAPET_SMTP_URL); gathers digest notifications into the day's digest; serves /health,
// /ready and /metrics on 8083.
await PipelineService.run(name: "notifier", defaultPort: 8083) { connections, context in
    let settings = try NotifierServiceSettings(context.reader)
    let configuration = NotifierConfiguration(
        kafka: connections.settings.kafka(clientID: "parapet-notifier"), sessionTimeout: connections.settings.kafkaSessionTimeout,
        smtp: settings.smtp, publicURL: settings.publicURL, digestHour: settings.digestHour, digestMinute: settings.digestMinute,
        batchSize: settings.batchSize, lanes: settings.lanes)
    return [try NotifierService(configuration: configuration, postgres: connections.postgres, logger: context.logger("notifier"))]
}
