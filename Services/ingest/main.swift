import ParapetPipeline

// Starts, connects to Kafka and PostgreSQL, serves /health, /ready and /metrics on port 8080, and
// shuts down on SIGTERM or SIGINT. The ingest's own work is added by its issue.
await PipelineService.run(name: "ingest", defaultPort: 8080)
