import ParapetCaseAPI
import ParapetEscalation
import ParapetPipeline
import ParapetRuntime

// Consumes parapet.verdicts, opens and climbs cases in PostgreSQL, publishes their events to
// parapet.case-events and what to tell whom to parapet.notifications; serves the case API
// (/v1/cases, /openapi.json) with /health, /ready and /metrics on 8082.
await PipelineService.run(name: "escalation", defaultPort: 8082) { connections, context in
    let settings = try EscalationServiceSettings(context.reader)
    let configuration = EscalationConfiguration(
        kafka: connections.settings.kafka(clientID: "parapet-escalation"), sessionTimeout: connections.settings.kafkaSessionTimeout,
        batchSize: settings.batchSize, lanes: settings.lanes, sweepInterval: settings.sweepInterval,
        settings: settings.escalation)
    let service = try EscalationService(configuration: configuration, postgres: connections.postgres, logger: context.logger("escalation"))
    let api = CaseAPI(
        desk: service.desk, postgres: connections.postgres, escalator: { trust in await service.escalator(for: trust) },
        logger: context.logger("escalation.api"))
    context.addRoutes { router in api.install(on: router) }
    return [service]
}
