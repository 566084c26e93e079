import ArgumentParser
import Foundation
import ParapetModels
import ParapetPolicyEngine
import ParapetTrustConfiguration

/// `parapet classify`: try the policy engine on a post without running the pipeline — for
/// policy authors (one post, the verdict explained) and for batch evaluation (`--jsonl`).
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Hold a post against its school's policy pack and show the verdict with its evidence.",
        discussion: """
            The text comes as an argument or on standard input; with --json, a JSON post ({"text": …, "school": …, \
            "account": …, "author": {"handle": …, "kind": …}, "reply_to": …, "media": [{"type": …, "alt_text": …, \
            "tagged_people": […]}]}). Prints each clause broken with the policy's words and the evidence, and the text with \
            the evidence marked (colour on a terminal, [[brackets]] otherwise).

            With --jsonl, reads one JSON post a line on standard input and writes one JSON verdict a line, in order; a line \
            that cannot be classified is answered by {"line": N, "error": "…"} and the exit status is 65 at the end.

            Needs no broker or database: the trust is read from its folder (--trust, else PARAPET_TRUST, else \
            \(ClassifyTrust.exampleFolder) in the current directory). Pack versions are 0 (read from files).
            """)

    @Argument(help: "The post's text (or, with --json, the JSON post); read from standard input when left out.")
    var text: String?

    @Flag(help: "The input is one JSON post, not bare text.")
    var json = false

    @Flag(help: "Read one JSON post a line on standard input; write one JSON verdict a line.")
    var jsonl = false

    @Flag(help: "Also list everything the detectors found, whether or not a clause of the pack applies.")
    var explain = false

    @Option(help: "The trust's configuration folder (default: PARAPET_TRUST, else \(ClassifyTrust.exampleFolder)).")
    var trust: String?

    @Option(help: "The school whose pack applies.")
    var school: String = ClassifyTrust.defaultSchool

    @Option(help: "The monitored account posted on (default: the school's parents' group, else its first account).")
    var account: String?

    @Option(help: "The author's handle; a roster handle makes the author that staff member, pupil or governor.")
    var author: String = ClassifyTrust.defaultAuthor

    @Option(help: "The author's kind where the roster does not know the handle.")
    var authorKind: PostAuthor.Kind = .parent

    @Option(help: "The verdict's decided_at (ISO 8601), for output that is the same run after run (default: now).")
    var decidedAt: String?

    /// sysexits: a bad option is a usage error, a bad post is bad data.
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66

    func validate() throws {
        if json && jsonl { throw ValidationError("--json and --jsonl cannot be used together") }
        if jsonl && text != nil { throw ValidationError("--jsonl reads standard input; give no text argument") }
        if let decidedAt, ParapetJSON.date(from: decidedAt) == nil {
            throw ValidationError("--decided-at \"\(decidedAt)\" is not an ISO 8601 date and time with a zone")
        }
    }

    func run() throws {
        let trust = try loadTrust()
        if jsonl {
            let summary = ClassifyLineStream(trust: trust).run(input: STDIN_FILENO, output: STDOUT_FILENO)
            if summary.failed > 0 {
                OperatorContext.fail("\(summary.failed) of \(summary.lines) lines could not be classified (answered by {\"line\", \"error\"})")
                throw ExitCode(Self.dataError)
            }
            return
        }
        let input = try readPost()
        let post: Post
        let verdict: Verdict
        do throws(ClassifyError) {
            post = try trust.post(from: input)
            verdict = try trust.classify(post)
        } catch {
            OperatorContext.fail(error.description)
            throw ExitCode(Self.dataError)
        }
        let highlighter = ClassifyHighlighter.forStream(
            isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
        let detections = explain ? try? trust.engine.detections(in: post) : nil
        print(ClassifyReport(trust: trust, post: post, verdict: verdict, highlighter: highlighter, detections: detections).text)
    }

    /// Reads the trust folder and checks the school and account options against it.
    private func loadTrust() throws -> ClassifyTrust {
        let folder = ClassifyTrust.folder(option: trust)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            OperatorContext.fail(
                trust == nil && ProcessInfo.processInfo.environment["PARAPET_TRUST"] == nil
                    ? "no trust folder at \(folder): run from the repository's root, or give --trust DIR or PARAPET_TRUST"
                    : "no trust folder at \(folder)")
            throw ExitCode(Self.noInput)
        }
        let configuration = try ConfigCommand.load(folder)
        let decided = decidedAt.flatMap(ParapetJSON.date(from:)) ?? ParapetJSON.date(from: ParapetJSON.string(from: Date()))!
        do throws(ClassifyError) {
            return try ClassifyTrust(
                configuration: configuration,
                defaults: .init(school: school, account: account, author: author, authorKind: authorKind, decidedAt: decided))
        } catch {
            OperatorContext.fail(error.description)
            throw ExitCode(Self.usage)
        }
    }

    /// The post from the argument or standard input: bare text, or with `--json` a JSON post.
    private func readPost() throws -> ClassifyPostInput {
        var source = text
        if source == nil {
            guard isatty(STDIN_FILENO) != 1 else {
                OperatorContext.fail("give the post's text as an argument or on standard input (see parapet classify --help)")
                throw ExitCode(Self.usage)
            }
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let read = String(data: data, encoding: .utf8) else {
                OperatorContext.fail("standard input is not UTF-8 text")
                throw ExitCode(Self.dataError)
            }
            // `echo` and heredocs end the text with a newline the author did not mean as part of it.
            source = read.hasSuffix("\r\n") ? String(read.dropLast(2)) : read.hasSuffix("\n") ? String(read.dropLast()) : read
        }
        guard json else { return ClassifyPostInput(text: source ?? "") }
        do throws(ClassifyError) {
            return try ClassifyPostInput.decode(Data((source ?? "").utf8), with: ParapetJSON.makeDecoder())
        } catch {
            OperatorContext.fail(error.description)
            throw ExitCode(Self.dataError)
        }
    }
}

extension PostAuthor.Kind: ExpressibleByArgument {}
