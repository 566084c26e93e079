#!/usr/bin/env python3
"""Writes signed Meta webhook deliveries (one distinct comment each) for wrk, and a JSON Lines
import file, for scripts/bench. Usage: make-requests.py SECRET PAGE ACCOUNT COUNT REQUESTS_OUT JSONL_OUT"""
import hashlib, hmac, json, sys

secret, page, account, count, requests_out, jsonl_out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6]
with open(requests_out, "w") as out:
    for i in range(count):
        body = json.dumps({"object": "page", "entry": [{"id": page, "time": 1790000000, "changes": [{"field": "feed", "value": {
            "from": {"id": str(7000000000 + i % 997), "name": "Parent %d" % (i % 997)}, "post_id": "%s_%d" % (page, i // 50),
            "comment_id": "%s_%d_bench%d" % (page, i // 50, i), "created_time": 1790000000 + i, "item": "comment",
            "parent_id": "%s_%d" % (page, i // 50), "verb": "add",
            "message": "Benchmark comment %d about the school fair, cakes and raffle tickets." % i}}]}]}, separators=(",", ":"))
        signature = hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()
        out.write("sha256=%s\t%s\n" % (signature, body))
with open(jsonl_out, "w") as out:
    for i in range(count):
        out.write(json.dumps({"account": account, "external_id": "import-%d" % i, "author": {"handle": "parent%d" % (i % 997)},
            "text": "Imported post %d: thank you to everyone who helped at the summer fair." % i,
            "created_at": "2026-06-%02dT10:%02d:%02dZ" % (1 + i % 28, i % 60, (i // 60) % 60)}, separators=(",", ":")) + "\n")
