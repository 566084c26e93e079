import Foundation
import ParapetModels
import ParapetPolicyEngine
import ParapetTrustConfiguration

/// What the engine benchmark measured.
struct EngineBenchmarkResult: Sendable, CustomStringConvertible {
    static let targetPerCore = 200_000.0

    var schools: Int
    var names: Int
    var distinctPosts: Int
    /// Posts classified in each measurement.
    var posts: Int
    var buildSeconds: Double
    var singleSeconds: Double
    /// CPU time the single thread used: under load from other processes, posts per CPU-second
    /// is the figure a busy machine cannot skew.
    var singleCPUSeconds: Double
    var cores: Int
    var allCoresSeconds: Double
    /// CPU time of the whole process (user and system) during the all-cores run.
    var allCoresCPUSeconds: Double
    /// The 1-minute load average when the benchmark started (/proc/loadavg), to judge the figures by.
    var loadAverage: String
    /// Of the distinct posts, how many broke a clause (shows the mix is not all benign).
    var breaching: Int
    /// Peak resident set size in KiB (getrusage ru_maxrss) before building, after building, after classifying.
    var peakBeforeBuild: Int
    var peakAfterBuild: Int
    var peakAfterClassifying: Int

    var singleRate: Double { Double(posts) / singleSeconds }
    var allCoresRate: Double { Double(posts) / allCoresSeconds }
    var perCoreRate: Double { allCoresRate / Double(cores) }
    var singleCPURate: Double { Double(posts) / singleCPUSeconds }
    var allCoresCPURate: Double { Double(posts) / allCoresCPUSeconds }
    /// The target is judged on the worse of the two per-core figures.
    var met: Bool { min(singleRate, perCoreRate) >= Self.targetPerCore }

    var description: String {
        func rate(_ value: Double) -> String { "\(Int(value.rounded())) posts/s" }
        func mib(_ kib: Int) -> String { String(format: "%.1f MiB", Double(kib) / 1024) }
        return """
            engine: \(schools) schools, \(names) roster names, \(distinctPosts) distinct posts (\(breaching) break a clause), \
            ruleset \(PolicyEngine.builtInRulesetVersion)
            engine: build \(String(format: "%.3f", buildSeconds)) s
            engine: one core \(rate(singleRate)) (\(posts) posts in \(String(format: "%.3f", singleSeconds)) s, one thread; \
            \(Int(singleCPURate.rounded())) posts per CPU-second)
            engine: all \(cores) cores \(rate(allCoresRate)) (one task per core), \(rate(perCoreRate)) per core \
            (\(Int(allCoresCPURate.rounded())) posts per CPU-second); load average at start \(loadAverage)
            engine: peak memory (ru_maxrss of the whole benchmark process: Swift runtime, the synthetic trust and posts, \
            the engine) \(mib(peakBeforeBuild)) before building, \(mib(peakAfterBuild)) after building \
            (+\(mib(peakAfterBuild - peakBeforeBuild)) for the engine), \(mib(peakAfterClassifying)) after classifying
            engine: target \(Int(Self.targetPerCore)) posts/s per core: \(met ? "met" : "NOT met") \
            (one thread \(rate(singleRate)), all cores \(rate(perCoreRate)) per core)
            """
    }
}

/// The policy engine alone, no broker or database: build time for a trust of `schools` schools
/// and `people` roster names, posts per second on one thread and on every core, and peak memory.
enum EngineBenchmark {
    struct BenchmarkFailed: Error, CustomStringConvertible {
        var description: String
    }

    static func run(exampleTrust: String, schools: Int, people: Int, posts: Int, distinct: Int) async throws -> EngineBenchmarkResult {
        let base: TrustConfiguration
        do {
            base = try TrustConfiguration.load(from: URL(fileURLWithPath: exampleTrust))
        } catch {
            throw BenchmarkFailed(description: "cannot read the example trust at \(exampleTrust) for its default pack: \(error)")
        }
        let load =
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)).flatMap { $0.split(separator: " ").first.map(String.init) } ?? "unknown"
        let trust = EngineSyntheticTrust(schools: schools, people: people, base: base)
        let samples = EngineSyntheticPosts.make(distinct, trust: trust)
        let decidedAt = Date(timeIntervalSince1970: 1_790_000_000)

        let peakBeforeBuild = peakResidentKiB()
        let clock = ContinuousClock()
        let buildStart = clock.now
        let engine = try PolicyEngine(configuration: trust.configuration)
        let buildTime = clock.now - buildStart
        let peakAfterBuild = peakResidentKiB()
        try EngineVerdictDump.writeIfAsked(engine: engine, posts: samples, decidedAt: decidedAt)

        // Warm up, and check every post is classified.
        var breaching = 0
        for post in samples {
            do {
                if try !engine.classify(post, decidedAt: decidedAt).breaches.isEmpty { breaching += 1 }
            } catch {
                throw BenchmarkFailed(description: "the engine refused a benchmark post (\(post.school)/\(post.account)): \(error)")
            }
        }

        let singleStart = clock.now
        let singleCPUStart = threadCPUSeconds()
        let singleBreaches = classify(engine, samples, count: posts, offset: 0, decidedAt: decidedAt)
        let singleCPU = threadCPUSeconds() - singleCPUStart
        let singleTime = clock.now - singleStart

        let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        let share = posts / cores
        let allStart = clock.now
        let allCPUStart = processCPUSeconds()
        let allBreaches = await withTaskGroup(of: Int.self) { group in
            for core in 0..<cores {
                group.addTask {
                    classify(
                        engine, samples, count: core == cores - 1 ? posts - share * (cores - 1) : share, offset: core * 7919, decidedAt: decidedAt)
                }
            }
            return await group.reduce(0, +)
        }
        let allTime = clock.now - allStart
        let allCPU = processCPUSeconds() - allCPUStart
        guard singleBreaches > 0, allBreaches > 0 else { throw BenchmarkFailed(description: "no post broke a clause: the mix is wrong") }

        return EngineBenchmarkResult(
            schools: schools, names: trust.names, distinctPosts: samples.count, posts: posts, buildSeconds: seconds(buildTime),
            singleSeconds: seconds(singleTime), singleCPUSeconds: singleCPU, cores: cores, allCoresSeconds: seconds(allTime),
            allCoresCPUSeconds: allCPU, loadAverage: load, breaching: breaching,
            peakBeforeBuild: peakBeforeBuild, peakAfterBuild: peakAfterBuild, peakAfterClassifying: peakResidentKiB())
    }

    /// Classifies `count` posts cycling through `samples` from `offset`; returns the breaches
    /// found, so the work cannot be optimised away.
    private static func classify(_ engine: PolicyEngine, _ samples: [Post], count: Int, offset: Int, decidedAt: Date) -> Int {
        // Each post is handed to the engine from memory this loop holds exclusively (`inout`):
        // read out of a shared array, every post was first copied, retaining and releasing each
        // of its strings, which the service, classifying the posts it has just decoded, never
        // does.
        var samples = samples
        return samples.withUnsafeMutableBufferPointer { samples in
            var breaches = 0
            var index = offset % samples.count
            for _ in 0..<count {
                breaches &+= breachCount(engine, &samples[index], decidedAt: decidedAt)
                index += 1
                if index == samples.count { index = 0 }
            }
            return breaches
        }
    }

    private static func breachCount(_ engine: PolicyEngine, _ post: inout Post, decidedAt: Date) -> Int {
        (try? engine.classify(post, decidedAt: decidedAt).breaches.count) ?? 0
    }

    /// The process's peak resident set size so far, in KiB (Linux reports ru_maxrss in KiB).
    static func peakResidentKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }

    /// CPU time the calling thread has used.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// User and system CPU time the whole process has used.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
