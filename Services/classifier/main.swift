import ParapetClassification
import ParapetPipeline
import ParapetRuntime

// Consumes parapet.posts, holds each post against its school's policy pack, stores the verdict in
// PostgreSQL and publishes it to parapet.verdicts; serves /health, /ready and /metrics on 8081.
await PipelineService.run(name: "classifier", defaultPort: 8081) { connections, context in
    let settings = try ClassifierSettings(context.reader)
    let configuration = ClassifierConfiguration(
        kafka: connections.settings.kafka(clientID: "parapet-classifier"), sessionTimeout: connections.settings.kafkaSessionTimeout,
        batchSize: settings.batchSize, reloadInterval: settings.reloadInterval)
    return [try ClassifierService(configuration: configuration, postgres: connections.postgres, logger: context.logger("classifier"))]
}
