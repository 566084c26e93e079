#!/usr/bin/env python3
"""How the policy engine compares with two off-the-shelf profanity filters at telling offensive
posts from the rest, on the labelled corpus (Tests/PolicyEngineTests/Corpus).

A post is *offensive* when its labels include any behaviour in OFFENSIVE (below). The engine
calls a post offensive when its verdict has a breach of any of those behaviours; better-profanity
when `contains_profanity` finds a listed word in the post's text; alt-profanity-check when its
model's `predict` says 1 (all texts in one batch). The libraries see only the post's text (no
alt text, author or account); the engine sees the whole post, as in production.

Usage:
  offensive_baselines.py CORPUS_DIR --write-posts POSTS.jsonl
      writes every corpus entry as a post for `parapet classify --jsonl`, in corpus order
      (files by name, lines in order), filled in as LabelledCorpus.post(for:trust:) fills them
  offensive_baselines.py CORPUS_DIR VERDICTS.jsonl [--json RESULTS.json] [--no-id-check]
      reads the verdicts `parapet classify --jsonl` wrote for those posts and prints precision,
      recall, F1 and false alarms for the engine and both libraries

For example, from the repository's root:
  .tools/venv/bin/python Benchmarks/baselines/offensive_baselines.py Tests/PolicyEngineTests/Corpus --write-posts .build/offensive-posts.jsonl
  .build/debug/parapet classify --jsonl --decided-at 2026-10-26T07:33:20Z < .build/offensive-posts.jsonl > .build/offensive-verdicts.jsonl
  .tools/venv/bin/python Benchmarks/baselines/offensive_baselines.py Tests/PolicyEngineTests/Corpus .build/offensive-verdicts.jsonl

Each verdict is matched to its entry by the post id `parapet classify` derives from the post
(Services/parapet/ClassifyTrust.swift, postID), so verdicts from another version of the corpus
are refused; --no-id-check trusts the line order instead. scripts/setup installs both libraries
into .tools/venv. Exit status: 0 on success, 1 on bad input, 2 on bad usage, 3 when a library
is missing.
"""
import argparse
import hashlib
import json
import os
import sys
import uuid

# The behaviours that are about offensive *language*: abuse, swearing, obscenity, hate, threats,
# harassment, insults aimed at a person, bullying a child. A general-purpose profanity filter is
# built to catch these and only these; every other behaviour (names and photos of pupils,
# complaints, confidential matters, unofficial sites, extremism, staff conduct…) depends on who
# is posting, where, and about whom, which a text-only filter cannot see, so counting them would
# measure the filters on a task they were never meant for.
OFFENSIVE = frozenset({
    "abusive_language",
    "grossly_obscene",
    "hate_speech",
    "harassment",
    "threat_of_violence",
    "negative_comment_about_individual",
    "cyberbullying",
})

# LabelledCorpus.post(for:trust:)'s defaults for what an entry leaves out.
DEFAULT_SCHOOL = "stour-provost"
DEFAULT_ACCOUNT = "sp-parents-facebook-group"
DEFAULT_KIND = "parent"
MEDIA_KINDS = ("image", "video", "other")
LIBRARIES_HINT = "pip install better-profanity==0.7.0 alt-profanity-check==1.9.1 (scripts/setup puts them in .tools/venv)"


class BadInput(Exception):
    pass


def load_corpus(directory):
    """Every entry of every Corpus/*.jsonl, files by name and lines in order, as LabelledCorpus.load."""
    if not os.path.isdir(directory):
        raise BadInput("%s: not a directory (give the corpus folder, Tests/PolicyEngineTests/Corpus)" % directory)
    files = sorted(f for f in os.listdir(directory) if f.endswith(".jsonl"))
    if not files:
        raise BadInput("%s: no .jsonl files; is this the corpus folder?" % directory)
    entries = []
    seen = {}
    for name in files:
        path = os.path.join(directory, name)
        with open(path, encoding="utf-8") as f:
            lines = [line for line in f.read().split("\n") if line]
        for number, line in enumerate(lines, 1):
            where = "%s:%d" % (name, number)
            try:
                entry = json.loads(line)
            except ValueError as error:
                raise BadInput("%s: not JSON (%s)" % (where, error))
            if not isinstance(entry, dict):
                raise BadInput("%s: not a JSON object" % where)
            for key, kind in (("id", str), ("text", str), ("breaks", list)):
                if not isinstance(entry.get(key), kind):
                    raise BadInput("%s: no %r (%s)" % (where, key, "a string" if kind is str else "a list"))
            if not all(isinstance(b, str) for b in entry["breaks"]):
                raise BadInput("%s: 'breaks' must be a list of behaviour names" % where)
            if entry["id"] in seen:
                raise BadInput("%s: id %r is also at %s" % (where, entry["id"], seen[entry["id"]]))
            seen[entry["id"]] = where
            entries.append((where, entry))
    return entries


def post_for(where, entry):
    """The post for `parapet classify --jsonl`, filled in as LabelledCorpus.post(for:trust:)."""
    author = entry.get("author") or {}
    if not isinstance(author, dict):
        raise BadInput("%s: 'author' must be an object" % where)
    media = []
    for index, medium in enumerate(entry.get("media") or []):
        if not isinstance(medium, dict) or medium.get("type") not in MEDIA_KINDS:
            raise BadInput("%s: media[%d] needs a type, one of %s" % (where, index, ", ".join(MEDIA_KINDS)))
        media.append({
            "url": "https://media.example.invalid/%s/%d.jpg" % (entry["id"], index),
            "type": medium["type"], "alt_text": medium.get("alt_text"), "tagged_people": medium.get("tagged"),
        })
    return {
        "id": entry["id"],
        "text": entry["text"],
        "school": entry.get("school") or DEFAULT_SCHOOL,
        "account": entry.get("account") or DEFAULT_ACCOUNT,
        "author": {"handle": author.get("handle") or "parent.%s" % entry["id"], "kind": author.get("kind") or DEFAULT_KIND},
        "reply_to": entry.get("reply_to"),
        "media": media,
    }


def post_id(post):
    """The id `parapet classify` gives a post (ClassifyTrust.postID): SHA-256 of its parts, each
    followed by a zero byte, cut to a name-based UUID."""
    hash = hashlib.sha256()
    parts = [post["id"], post["school"], post["account"], post["author"]["handle"], post["author"]["kind"],
             post["reply_to"] or "", post["text"]]
    for medium in post["media"]:
        parts += [medium["type"], medium["alt_text"] or ""] + list(medium["tagged_people"] or [])
    for part in parts:
        hash.update(part.encode("utf-8") + b"\0")
    raw = bytearray(hash.digest()[:16])
    raw[6] = raw[6] & 0x0F | 0x50
    raw[8] = raw[8] & 0x3F | 0x80
    return str(uuid.UUID(bytes=bytes(raw))).upper()


def load_verdicts(path, posts, check_ids):
    """The behaviours each post's verdict breaks, in corpus order."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = [line for line in f.read().split("\n") if line.strip()]
    except OSError as error:
        raise BadInput("%s: %s" % (path, error.strerror or error))
    verdicts = []
    errors = []
    for number, line in enumerate(lines, 1):
        try:
            verdict = json.loads(line)
        except ValueError:
            raise BadInput("%s:%d: not JSON; give the output of `parapet classify --jsonl`" % (path, number))
        if not isinstance(verdict, dict):
            raise BadInput("%s:%d: not a JSON object" % (path, number))
        if "error" in verdict:
            errors.append("line %s: %s" % (verdict.get("line", number), verdict["error"]))
            continue
        if not isinstance(verdict.get("breaches"), list):
            raise BadInput("%s:%d: no 'breaches'; is this a file of verdicts from `parapet classify --jsonl`?" % (path, number))
        verdicts.append(verdict)
    if errors:
        raise BadInput("%s: parapet could not classify %d post(s): %s" % (path, len(errors), "; ".join(errors[:5])))
    if len(verdicts) != len(posts):
        raise BadInput("%s has %d verdicts but the corpus has %d entries; classify the posts --write-posts wrote for this corpus"
                       % (path, len(verdicts), len(posts)))
    if check_ids:
        for number, ((where, entry, post), verdict) in enumerate(zip(posts, verdicts), 1):
            expected = post_id(post)
            if str(verdict.get("post_id", "")).upper() != expected:
                raise BadInput("%s:%d: the verdict is for post %s, but %s (%s) is post %s: verdicts and corpus do not match "
                               "(rerun --write-posts and classify, or pass --no-id-check to trust the line order)"
                               % (path, number, verdict.get("post_id"), entry["id"], where, expected))
    return [{b.get("behaviour") for b in verdict["breaches"] if isinstance(b, dict)} for verdict in verdicts]


def score(truth, predicted):
    tp = sum(1 for t, p in zip(truth, predicted) if t and p)
    fp = sum(1 for t, p in zip(truth, predicted) if p and not t)
    fn = sum(1 for t, p in zip(truth, predicted) if t and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "tp": tp, "fp": fp, "fn": fn}


def libraries():
    try:
        from better_profanity import profanity
        from profanity_check import predict
    except ImportError as error:
        print("offensive_baselines: %s; %s" % (error, LIBRARIES_HINT), file=sys.stderr)
        sys.exit(3)
    return profanity, predict


def version(name):
    try:
        from importlib.metadata import version as installed
        return installed(name)
    except Exception:
        return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="See the module's docstring for the whole procedure.")
    parser.add_argument("corpus", help="the corpus folder (Tests/PolicyEngineTests/Corpus)")
    parser.add_argument("verdicts", nargs="?", help="JSON Lines from `parapet classify --jsonl` over the posts --write-posts wrote")
    parser.add_argument("--write-posts", metavar="PATH", help="write the corpus as posts for `parapet classify --jsonl` ('-' for standard output) and stop")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH")
    parser.add_argument("--no-id-check", action="store_true", help="match verdicts to entries by line order, without checking post ids")
    args = parser.parse_args()
    if (args.write_posts is None) == (args.verdicts is None):
        parser.error("give either VERDICTS or --write-posts PATH")
    try:
        entries = load_corpus(args.corpus)
        posts = [(where, entry, post_for(where, entry)) for where, entry in entries]
        if args.write_posts is not None:
            lines = "".join(json.dumps(post, ensure_ascii=False) + "\n" for _, _, post in posts)
            if args.write_posts == "-":
                sys.stdout.write(lines)
            else:
                try:
                    with open(args.write_posts, "w", encoding="utf-8") as out:
                        out.write(lines)
                except OSError as error:
                    raise BadInput("cannot write %s: %s" % (args.write_posts, error.strerror or error))
                print("wrote %d posts to %s" % (len(posts), args.write_posts), file=sys.stderr)
            return 0
        engine = load_verdicts(args.verdicts, posts, not args.no_id_check)
    except BadInput as error:
        print("offensive_baselines: %s" % error, file=sys.stderr)
        return 1

    profanity, predict = libraries()
    texts = [entry["text"] for _, entry, _ in posts]
    truth = [bool(OFFENSIVE & set(entry["breaks"])) for _, entry, _ in posts]
    profanity.load_censor_words()
    better = [profanity.contains_profanity(text) for text in texts]
    alt = [bool(p) for p in predict(texts)]
    results = {
        "engine (parapet)": score(truth, [bool(OFFENSIVE & found) for found in engine]),
        "better-profanity %s" % version("better-profanity"): score(truth, better),
        "alt-profanity-check %s" % version("alt-profanity-check"): score(truth, alt),
    }

    print("%d posts, %d offensive (labelled with any of: %s)\n" % (len(texts), sum(truth), ", ".join(sorted(OFFENSIVE))))
    width = max(len(name) for name in results)
    print("%-*s  %9s  %6s  %6s  %4s  %4s  %4s" % (width, "", "precision", "recall", "F1", "tp", "fp", "fn"))
    for name, r in results.items():
        print("%-*s  %9.3f  %6.3f  %6.3f  %4d  %4d  %4d" % (width, name, r["precision"], r["recall"], r["f1"], r["tp"], r["fp"], r["fn"]))
    if args.json:
        report = {"corpus": args.corpus, "posts": len(texts), "offensive_posts": sum(truth),
                  "offensive_behaviours": sorted(OFFENSIVE), "results": results}
        try:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(report, f, indent=2)
                f.write("\n")
        except OSError as error:
            print("offensive_baselines: cannot write %s: %s" % (args.json, error.strerror or error), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
