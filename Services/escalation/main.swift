import ParapetPipeline

// Starts, connects to Kafka and PostgreSQL, serves /health, /ready and /metrics on port 8082, and
// shuts down on SIGTERM or SIGINT. The escalation's own work is added by its issue.
await PipelineService.run(name: "escalation", defaultPort: 8082)
