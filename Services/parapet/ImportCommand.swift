import ArgumentParser
import Foundation
import ParapetIngest
import ParapetIntake
import ParapetKafka
import ParapetModels
import ParapetPipeline
import ParapetPostgres
import ParapetRuntime
import ParapetStore

/// `parapet import FILE.jsonl`: bulk import of posts (exports, backfills), one JSON post a line
/// in the `/v1/posts` shape.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import posts from a JSON Lines file: stored in PostgreSQL and published to parapet.posts.",
        discussion: """
            Each line is one post as POST /v1/posts takes it. A bad line stops the import with its line number; \
            every line before it is stored, and running the import again is harmless (repeats are duplicates).
            """)

    @Argument(help: "The JSON Lines file.")
    var file: String

    @Option(help: "Posts per database transaction and Kafka batch.")
    var batch: Int = 5000

    @Flag(help: "Report bad lines and go on instead of stopping at the first.")
    var skipInvalid = false

    func run() async throws {
        let context = try OperatorContext.load()
        guard let handle = FileHandle(forReadingAtPath: file) else {
            OperatorContext.fail("cannot open \(file)")
            throw ExitCode(66)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        try await context.run {
            let client = PostgresClient(configuration: try context.settings.postgres(applicationName: "parapet-import"), logger: context.logger)
            let producer = try KafkaProducer(
                configuration: KafkaProducerConfiguration(context.settings.kafka(clientID: "parapet-import")), logger: context.logger)
            defer { Task { await client.shutdown() } }
            let importer = PostImporter(
                store: PostStore(client: client), directory: try await AccountDirectory.load(client), producer: producer)
            let progress = ProgressBar(totalBytes: size)
            var invalid = 0
            do {
                let summary = try await importer.run(
                    lines: LineReader(handle: handle), batchSize: batch,
                    onInvalid: { line, error in
                        OperatorContext.fail("\(file):\(line): \(error.message.replacingOccurrences(of: "line \(line): ", with: ""))")
                        invalid += 1
                        return skipInvalid
                    },
                    onProgress: { bytes, posts in progress.update(bytes: bytes, posts: posts) })
                await producer.close()
                ProcessLifetime.keep(producer)
                progress.finish()
                print(summary.description + (invalid > 0 ? ", \(invalid) invalid lines skipped" : ""))
                if invalid > 0 { throw ExitCode(65) }
            } catch let stopped as PostImporter.ImportStopped {
                await producer.close()
                ProcessLifetime.keep(producer)
                progress.finish()
                OperatorContext.fail("\(file): \(stopped); fix the line and run the import again (repeats are harmless)")
                throw ExitCode(65)
            }
        }
    }
}
