#!/usr/bin/env python3
"""The path around the policy engine, measured whole: `parapet classify --jsonl` as a process on
the labelled corpus repeated to N posts (JSON in, verdicts out), beside alt-profanity-check's
`predict` on the same texts in one batch, in the same run. Prints posts a second for each and
their ratio (parapet ÷ predict); scripts/bench runs it.

The two are timed in turn, --rounds times (3 unless told), and each figure is the median of its
rounds: on a shared two-core machine one run of either can be a third slower than the next.

Usage: classify_path.py --parapet PATH [--posts N] [--rounds N] [--corpus DIR] [--work DIR]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import offensive_baselines  # noqa: E402  (the corpus reader and post filling, shared)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parapet", required=True, help="the parapet executable (release build)")
    parser.add_argument("--posts", type=int, default=250_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", default="Tests/PolicyEngineTests/Corpus")
    parser.add_argument("--work", default=".build/classify-path")
    arguments = parser.parse_args()
    if arguments.posts < 1:
        parser.error("--posts must be at least 1")
    if arguments.rounds < 1:
        parser.error("--rounds must be at least 1")
    try:
        entries = offensive_baselines.load_corpus(arguments.corpus)
        posts = [offensive_baselines.post_for(where, entry) for where, entry in entries]
    except offensive_baselines.BadInput as error:
        print("classify_path: %s" % error, file=sys.stderr)
        return 1
    os.makedirs(arguments.work, exist_ok=True)
    lines = [json.dumps(post, ensure_ascii=False) for post in posts]
    chosen = [lines[index % len(lines)] for index in range(arguments.posts)]
    texts = [posts[index % len(posts)]["text"] for index in range(arguments.posts)]
    input_path = os.path.join(arguments.work, "posts.jsonl")
    with open(input_path, "w", encoding="utf-8") as f:
        f.write("\n".join(chosen) + "\n")
    size = os.path.getsize(input_path)

    try:
        loading = time.perf_counter()
        from profanity_check import predict
        predict(["warm up"])
        load_seconds = time.perf_counter() - loading
    except ImportError as error:
        print("classify_path: %s; %s" % (error, offensive_baselines.LIBRARIES_HINT), file=sys.stderr)
        return 3

    parapet_runs = []
    predict_runs = []
    for _ in range(arguments.rounds):
        run = run_parapet(arguments, input_path)
        if run is None:
            return 1
        parapet_runs.append(run)
        predict_runs.append(run_predict(predict, texts))
    parapet_seconds, parapet_cpu = median(parapet_runs)
    predict_seconds, predict_cpu = median(predict_runs)

    parapet_rate = arguments.posts / parapet_seconds
    predict_rate = arguments.posts / predict_seconds
    print("classify path: %d posts (%.1f MB of JSON Lines, the labelled corpus repeated), %d cores, median of %d rounds" % (
        arguments.posts, size / 1e6, os.cpu_count() or 1, arguments.rounds))
    print("  parapet classify --jsonl, whole process   %8.2f s  %9.0f posts/s  %.2f s CPU" % (
        parapet_seconds, parapet_rate, parapet_cpu))
    print("  alt-profanity-check %s predict, 1 batch %8.2f s  %9.0f texts/s  %.2f s CPU (+%.2f s to load)" % (
        offensive_baselines.version("alt-profanity-check"), predict_seconds, predict_rate, predict_cpu, load_seconds))
    print("  ratio (parapet / predict)                 %8.2f   (rounds: %s)" % (
        parapet_rate / predict_rate,
        ", ".join("%.2f" % (q[0] / p[0]) for p, q in zip(parapet_runs, predict_runs))))
    return 0


def run_parapet(arguments, input_path):
    """One whole `parapet classify --jsonl` process, start-up (reading the trust, building the
    engine) included, reading the file and writing every verdict: (seconds, CPU seconds), or None
    when it failed or wrote the wrong number of verdicts."""
    output_path = os.path.join(arguments.work, "verdicts.jsonl")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(input_path, "rb") as source, open(output_path, "wb") as sink:
        result = subprocess.run(
            [arguments.parapet, "classify", "--jsonl", "--decided-at", "2026-12-01T00:00:00Z"], stdin=source, stdout=sink,
            stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        print("classify_path: parapet classify failed (%d): %s" % (result.returncode, result.stderr.decode()[-500:]), file=sys.stderr)
        return None
    with open(output_path, "rb") as f:
        verdicts = sum(1 for _ in f)
    if verdicts != arguments.posts:
        print("classify_path: %d verdicts for %d posts" % (verdicts, arguments.posts), file=sys.stderr)
        return None
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_predict(predict, texts):
    """predict on every text in one batch: (seconds, CPU seconds)."""
    cpu = time.process_time()
    started = time.perf_counter()
    predicted = predict(texts)
    seconds = time.perf_counter() - started
    assert len(predicted) == len(texts)
    return seconds, time.process_time() - cpu


def median(runs):
    """The run of median time, as (seconds, CPU seconds)."""
    ordered = sorted(runs)
    return ordered[len(ordered) // 2]


if __name__ == "__main__":
    sys.exit(main())
