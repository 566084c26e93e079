import ParapetCaseAPI
import ParapetCasePages
import ParapetEscalation
import ParapetPipeline
import ParapetRuntime

// Consumes parapet.verdicts, opens and climbs cases in PostgreSQL, publishes their events to
// parapet.case-events and what to tell whom to parapet.notifications; serves the case API
// (/v1/cases, /openapi.json) and the leaders' pages (/sign-in, /cases, /trust) with /health,
// /ready and /metrics on 8082.
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
    let pages = try await CasePages(
        configuration: settings.pages, desk: service.desk, postgres: connections.postgres,
        escalators: { await service.allEscalators() }, logger: context.logger("escalation.pages"))
    context.addRoutes { router in
        api.install(on: router)
        pages.install(on: router)
    }
    return [service]
}
