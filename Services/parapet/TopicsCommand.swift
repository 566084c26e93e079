import ArgumentParser
import ParapetKafka
import ParapetModels
import ParapetPipeline

/// `parapet topics create|list`.
struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics", abstract: "Create or list Parapet's Kafka topics.",
        subcommands: [Create.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create every Parapet topic that does not exist yet (PARAPET_TOPIC_PARTITIONS partitions each).")

        func run() async throws {
            let context = try OperatorContext.load()
            try await context.run {
                let admin = try KafkaAdmin(configuration: context.settings.kafka(clientID: "parapet-topics"), logger: context.logger)
                try await admin.createTopics(
                    ParapetTopic.allCases.map {
                        KafkaTopicSpecification(name: $0.name, partitions: Int32(context.settings.topicPartitions))
                    })
                for topic in try await admin.listTopics() where ParapetTopic(rawValue: topic.name) != nil {
                    print("\(topic.name)\t\(topic.partitions) partitions")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the cluster's topics and their partition counts.")

        func run() async throws {
            let context = try OperatorContext.load()
            try await context.run {
                let admin = try KafkaAdmin(configuration: context.settings.kafka(clientID: "parapet-topics"), logger: context.logger)
                for topic in try await admin.listTopics() { print("\(topic.name)\t\(topic.partitions) partitions") }
            }
        }
    }
}
