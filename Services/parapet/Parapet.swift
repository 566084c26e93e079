import ArgumentParser

/// The operator's command line: trust configuration, classifying posts, imports, schema, topics, consumer lag.
@main
struct Parapet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parapet",
        abstract: "Operate a Parapet deployment.",
        discussion: """
            Reads the same environment as the services: PARAPET_KAFKA_BROKERS, PARAPET_DATABASE_URL and \
            the optional PARAPET_CONFIG_FILE (KEY=VALUE lines).
            """,
        subcommands: [
            ConfigCommand.self, ClassifyCommand.self, ImportCommand.self, MigrateCommand.self, TopicsCommand.self, LagCommand.self,
            TokensCommand.self, RouteCommand.self, FeedbackCommand.self, PackCommand.self,
        ])
}
