import ParapetEscalation
import ParapetPipeline
import ParapetRuntime

// Consumes parapet.verdicts, opens and climbs cases in PostgreSQL, publishes their events to
// parapet.case-events and what to tell whom to parapet.notifications; serves /health, /ready and
// /metrics on 8082.
await PipelineService.run(name: "escalation", defaultPort: 8082) { connections, context in
    let settings = try EscalationServiceSettings(context.reader)
    let configuration = EscalationConfiguration(
        kafka: connections.settings.kafka(clientID: "parapet-escalation"), sessionTimeout: connections.settings.kafkaSessionTimeout,
        batchSize: settings.batchSize, sweepInterval: settings.sweepInterval,
        settings: EscalationSettings(acknowledgementDeadlines: settings.deadlines))
    return [try EscalationService(configuration: configuration, postgres: connections.postgres, logger: context.logger("escalation"))]
}
