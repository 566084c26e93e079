#!/usr/bin/python3
"""Reads one message file with Python's standard email package (policy=default) and prints,
as JSON, what a mail client would see: defects, headers, and each part's decoded text."""
import email
import email.policy
import json
import sys

with open(sys.argv[1], "rb") as f:
    message = email.message_from_binary_file(f, policy=email.policy.default)
defects = [type(d).__name__ for d in message.defects]
parts = []
for part in message.walk():
    defects += [type(d).__name__ for d in part.defects]
    if part.get_content_maintype() == "text":
        parts.append({"type": part.get_content_type(), "charset": part.get_content_charset(), "text": part.get_content()})
print(json.dumps({
    "defects": defects,
    "type": message.get_content_type(),
    "subject": str(message["subject"]),
    "from": str(message["from"]),
    "to": [str(a.addr_spec) for a in message["to"].addresses],
    # Ids compared as mail clients compare them: without the folding white space before them.
    "message_id": str(message["message-id"]).strip(),
    "in_reply_to": str(message["in-reply-to"]).strip() if message["in-reply-to"] else None,
    "references": str(message["references"]).strip() if message["references"] else None,
    "rcpt_to": str(message["x-sink-rcpt-to"]),
    "longest_line": max(len(line) for line in open(sys.argv[1], "rb").read().split(b"\r\n")),
    "parts": parts,
}))
