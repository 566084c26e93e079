import ParapetIntake
import ParapetKafka
import ParapetPipeline
import ParapetRuntime
import ParapetStore

// Receives Meta and X webhooks and connector posts on port 8080, stores each post in
// PostgreSQL, publishes it to parapet.posts, and only then replies.
await PipelineService.run(name: "ingest", defaultPort: 8080) { connections, context in
    let settings = try IngestSettings(context.reader)
    let connectors = try settings.connectorsFile.map { try ConnectorDirectory(contentsOf: $0) }
    // A request waits for its acknowledgement, and the intake already batches concurrent
    // requests, so the producer lingers only briefly.
    let producer = try KafkaProducer(
        configuration: KafkaProducerConfiguration(connections.settings.kafka(clientID: "parapet-ingest"), linger: .milliseconds(1)),
        logger: context.logger("ingest.kafka"))
    let intake = PostIntake(
        store: PostStore(client: connections.postgres), accounts: AccountCache(client: connections.postgres), producer: producer)
    let routes = IngestRoutes(settings: settings, connectors: connectors, intake: intake, logger: context.logger("ingest"))
    context.addRoutes { router in routes.install(on: router) }
    return [ProducerCloser(producer: producer)]
}
