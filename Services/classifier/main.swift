import ParapetPipeline

// Starts, connects to Kafka and PostgreSQL, serves /health, /ready and /metrics on port 8081, and
// shuts down on SIGTERM or SIGINT. The classifier's own work is added by its issue.
await PipelineService.run(name: "classifier", defaultPort: 8081)
