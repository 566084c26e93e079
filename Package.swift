// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "parapet",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ingest", targets: ["ingest"]),
        .executable(name: "classifier", targets: ["classifier"]),
        .executable(name: "escalation", targets: ["escalation"]),
        .executable(name: "notifier", targets: ["notifier"]),
        .executable(name: "parapet", targets: ["parapet"]),
        .executable(name: "parapet-bench", targets: ["parapet-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // 3.12.3 or later; the range reaches 4.x so that the 4.5.2 the graph already pins is kept.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // C libraries, wrapped once each (ParapetKafka, ParapetPostgres, ParapetSMTP) and never used elsewhere.
        .systemLibrary(
            name: "CRdKafka", path: "Shared/CRdKafka", pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]),
        .systemLibrary(
            name: "CLibPQ", path: "Shared/CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        .systemLibrary(
            name: "CCurl", path: "Shared/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),

        // The one codec of each kind: JSON (reading, writing, escaping, Parapet's dialect),
        // timestamps, UTF-8 validation, UUID text. Pure, no I/O.
        .target(name: "ParapetCodecs", path: "Shared/Codecs", swiftSettings: swiftSettings),
        // Pure values: events, envelopes, the domain model. No C, no I/O.
        .target(name: "ParapetModels", dependencies: ["ParapetCodecs"], path: "Shared/Models", swiftSettings: swiftSettings),
        // Runs blocking C calls on dedicated threads, off Swift's cooperative pool.
        .target(name: "ParapetBlocking", path: "Shared/Blocking", swiftSettings: swiftSettings),
        .target(
            name: "ParapetKafka",
            dependencies: [
                "CRdKafka", "ParapetBlocking",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/Kafka", swiftSettings: swiftSettings),
        .target(
            name: "ParapetPostgres",
            dependencies: [
                "CLibPQ", "ParapetBlocking", "ParapetCodecs",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/Postgres", swiftSettings: swiftSettings),
        // Email as sent: MIME messages (pure), and SMTP through libcurl (its one wrapper).
        .target(
            name: "ParapetMail", dependencies: [.product(name: "Crypto", package: "swift-crypto")], path: "Shared/Mail",
            swiftSettings: swiftSettings),
        .target(name: "ParapetSMTP", dependencies: ["CCurl", "ParapetBlocking", "ParapetMail"], path: "Shared/SMTP", swiftSettings: swiftSettings),
        // Parapet's own database schema: ordered SQL migrations.
        .target(
            name: "ParapetSchema",
            dependencies: ["ParapetPostgres", .product(name: "Logging", package: "swift-log")],
            path: "Shared/Schema",
            resources: [.copy("Migrations")],
            swiftSettings: swiftSettings),
        // A trust's configuration folder (YAML): read, checked, every problem located.
        .target(
            name: "ParapetTrustConfiguration",
            dependencies: ["ParapetModels", .product(name: "Yams", package: "Yams")],
            path: "Shared/TrustConfiguration", swiftSettings: swiftSettings),
        // Pack drafting: a school's policy text read into a draft policy pack (`parapet pack draft`).
        // Pure, no I/O.
        .target(
            name: "ParapetPackDrafting", dependencies: ["ParapetModels", "ParapetCodecs"], path: "Shared/PackDrafting", swiftSettings: swiftSettings),
        // Ingest: what platforms send, parsed and checked into items (webhooks, API, JSON Lines,
        // signatures). Pure, no I/O; Intake stores and publishes what it gives.
        .target(
            name: "ParapetIngest",
            dependencies: ["ParapetModels", .product(name: "Crypto", package: "swift-crypto")],
            path: "Shared/Ingest", swiftSettings: swiftSettings),
        // Holds posts against a school's policy pack: text normalisation, the per-trust matcher,
        // the detectors, verdicts; the word lists are data files (Words/), read and checked once.
        // No other I/O: used alike by the classifier, the CLI and the benchmarks.
        .target(
            name: "ParapetPolicyEngine",
            dependencies: ["ParapetModels", "ParapetCodecs", .product(name: "Crypto", package: "swift-crypto")],
            path: "Shared/PolicyEngine", resources: [.copy("Words")], swiftSettings: swiftSettings),
        // Parapet's tables in PostgreSQL: what each service reads and writes.
        .target(
            name: "ParapetStore",
            dependencies: ["ParapetModels", "ParapetPostgres", "ParapetCodecs", .product(name: "Crypto", package: "swift-crypto")],
            path: "Shared/Store", swiftSettings: swiftSettings),
        // Runtime: what any Parapet process needs, with no Kafka or PostgreSQL: configuration,
        // logging, metrics, health endpoints, lifecycle. Pipeline adds the brokers and database.
        .target(
            name: "ParapetRuntime",
            dependencies: [
                "ParapetCodecs",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Shared/Runtime", swiftSettings: swiftSettings),

        // What every pipeline service shares: Kafka and PostgreSQL settings, connecting and
        // migrating at start-up, readiness checks.
        .target(
            name: "ParapetPipeline",
            dependencies: ["ParapetRuntime", "ParapetKafka", "ParapetPostgres", "ParapetSchema", "ParapetModels"],
            path: "Shared/Pipeline", swiftSettings: swiftSettings),

        // Intake: checked items stored in PostgreSQL and published to Kafka, for the ingest
        // service and imports.
        .target(
            name: "ParapetIntake",
            dependencies: [
                "ParapetIngest", "ParapetStore", "ParapetPipeline", "ParapetKafka", "ParapetModels", "ParapetPostgres", "ParapetBlocking",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Shared/Intake", swiftSettings: swiftSettings),
        .executableTarget(
            name: "ingest",
            dependencies: [
                "ParapetPipeline", "ParapetIntake", "ParapetIngest", "ParapetStore", "ParapetKafka", "ParapetCodecs",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Services/ingest", swiftSettings: swiftSettings),
        // The classifier's consume–classify–store–publish loop, as a service.
        .target(
            name: "ParapetClassification",
            dependencies: [
                "ParapetPolicyEngine", "ParapetStore", "ParapetPipeline", "ParapetRuntime", "ParapetKafka", "ParapetPostgres",
                "ParapetModels",
            ],
            path: "Shared/Classification", swiftSettings: swiftSettings),
        .executableTarget(
            name: "classifier", dependencies: ["ParapetPipeline", "ParapetClassification", "ParapetRuntime", "ParapetKafka"],
            path: "Services/classifier", swiftSettings: swiftSettings),
        // Escalation: cases from verdicts, who is told, the overdue sweep; the decisions are pure values.
        .target(
            name: "ParapetEscalation",
            dependencies: [
                "ParapetStore", "ParapetPipeline", "ParapetRuntime", "ParapetKafka", "ParapetPostgres", "ParapetModels",
                "ParapetCodecs", .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Shared/Escalation", swiftSettings: swiftSettings),
        // The case API over HTTP: tokens checked, every request audited, actions recorded through
        // escalation's desk; its OpenAPI document ships as a resource.
        .target(
            name: "ParapetCaseAPI",
            dependencies: [
                "ParapetEscalation", "ParapetStore", "ParapetModels", "ParapetPostgres", "ParapetCodecs",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/CaseAPI", resources: [.copy("openapi.json")], swiftSettings: swiftSettings),
        // The leaders' pages over the case API: sign-in by emailed link, cases, actions, the trust
        // overview; swift-mustache templates and a style sheet ship as resources.
        .target(
            name: "ParapetCasePages",
            dependencies: [
                "ParapetCaseAPI", "ParapetEscalation", "ParapetNotifications", "ParapetStore", "ParapetModels", "ParapetPostgres", "ParapetCodecs",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/CasePages", resources: [.copy("Templates")], swiftSettings: swiftSettings),
        .executableTarget(
            name: "escalation", dependencies: ["ParapetPipeline", "ParapetEscalation", "ParapetCaseAPI", "ParapetCasePages", "ParapetRuntime"],
            path: "Services/escalation", swiftSettings: swiftSettings),
        // The notifier: notifications rendered from templates, sent once each, digests gathered.
        .target(
            name: "ParapetNotifications",
            dependencies: [
                "ParapetMail", "ParapetSMTP", "ParapetStore", "ParapetPipeline", "ParapetRuntime", "ParapetKafka", "ParapetPostgres",
                "ParapetModels", "ParapetCodecs",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Shared/Notifications", resources: [.copy("Templates")], swiftSettings: swiftSettings),
        .executableTarget(
            name: "notifier", dependencies: ["ParapetPipeline", "ParapetNotifications", "ParapetRuntime", "ParapetSMTP"],
            path: "Services/notifier", swiftSettings: swiftSettings),
        .executableTarget(
            name: "parapet",
            dependencies: [
                "ParapetPipeline", "ParapetTrustConfiguration", "ParapetStore", "ParapetModels", "ParapetIntake", "ParapetIngest",
                "ParapetPolicyEngine", "ParapetEscalation", "ParapetClassification", "ParapetCodecs", "ParapetPackDrafting",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/parapet", swiftSettings: swiftSettings),
        .executableTarget(
            name: "parapet-bench",
            dependencies: [
                "ParapetKafka", "ParapetPostgres", "ParapetPolicyEngine", "ParapetTrustConfiguration", "ParapetModels",
                "ParapetStore", "ParapetSchema", "ParapetClassification",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/bench", swiftSettings: swiftSettings),

        // Starts and stops real local servers (Tansu, PostgreSQL, SMTP sink) for integration tests.
        .target(
            name: "TestSupport", dependencies: ["ParapetKafka", .product(name: "Logging", package: "swift-log")], path: "Tests/TestSupport",
            exclude: ["mime_check.py"],
            swiftSettings: swiftSettings),
        .testTarget(name: "CodecsTests", dependencies: ["ParapetCodecs", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ModelsTests", dependencies: ["ParapetModels", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MailTests", dependencies: ["ParapetMail", "ParapetSMTP", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PolicyEngineTests",
            dependencies: ["ParapetPolicyEngine", "ParapetTrustConfiguration", "ParapetModels", "TestSupport"],
            exclude: ["Corpus"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PackDraftingTests",
            dependencies: [
                "ParapetPackDrafting", "ParapetTrustConfiguration", "ParapetModels", "TestSupport", .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("HeldOut")],
            swiftSettings: swiftSettings),
        // `parapet classify` run as a policy author runs it: the built executable, text in, verdicts out.
        .testTarget(name: "PolicyEngineCLITests", dependencies: ["TestSupport", "parapet"], swiftSettings: swiftSettings),
        .testTarget(name: "IngestTests", dependencies: ["ParapetIngest", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ConfigurationTests",
            dependencies: ["ParapetTrustConfiguration", "ParapetModels", "ParapetStore", "ParapetSchema", "TestSupport", "parapet"],
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "IngestServiceTests",
            dependencies: [
                "TestSupport", "ParapetKafka", "ParapetModels", "ParapetPostgres", "ingest", "parapet",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ClassifierServiceTests",
            dependencies: [
                "TestSupport", "ParapetClassification", "ParapetPolicyEngine", "ParapetStore", "ParapetSchema", "ParapetTrustConfiguration",
                "ParapetKafka", "ParapetModels", "ParapetPostgres", "classifier", "parapet",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "EscalationTests",
            dependencies: [
                "TestSupport", "ParapetEscalation", "ParapetStore", "ParapetSchema", "ParapetTrustConfiguration", "ParapetKafka",
                "ParapetModels", "ParapetPostgres", "ParapetPipeline", "ParapetCaseAPI", "escalation", "parapet",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "NotifierTests",
            dependencies: [
                "TestSupport", "ParapetNotifications", "ParapetMail", "ParapetSMTP", "ParapetStore", "ParapetSchema",
                "ParapetTrustConfiguration", "ParapetKafka", "ParapetModels", "ParapetPostgres", "ParapetPipeline", "ParapetEscalation",
                "notifier", "parapet",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // The leaders' pages in Debian's Chromium (leader_pages.py, Selenium and axe-core) against the built services.
        .testTarget(
            name: "CasePagesTests",
            dependencies: [
                "TestSupport", "ParapetCasePages", "ParapetStore", "ParapetPostgres", "ParapetModels", "classifier", "escalation", "notifier",
                "parapet",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["leader_pages.py"], swiftSettings: swiftSettings),
        // The built executables run as trust IT runs them: bad settings, unreachable servers, shutdown.
        .testTarget(
            name: "ServicesTests", dependencies: ["TestSupport", "ingest", "classifier", "escalation", "notifier"],
            swiftSettings: swiftSettings),
        .testTarget(name: "KafkaTests", dependencies: ["ParapetKafka", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PostgresTests", dependencies: ["ParapetPostgres", "ParapetSchema", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "StoreTests", dependencies: ["ParapetStore", "ParapetSchema", "ParapetTrustConfiguration", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RuntimeTests",
            dependencies: [
                "ParapetRuntime", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
