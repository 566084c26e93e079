import ParapetPipeline

// Starts, connects to Kafka and PostgreSQL, serves /health, /ready and /metrics on port 8083, and
// shuts down on SIGTERM or SIGINT. The notifier's own work is added by its issue.
await PipelineService.run(name: "notifier", defaultPort: 8083)
