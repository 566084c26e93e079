#!/usr/bin/python3
"""The local SMTP sink: accepts mail on loopback and files each message in a Maildir.

Usage: smtp-sink.py HOST:PORT MAILDIR

A recipient listed in MAILDIR/reject (one address a line, read at every RCPT) is refused with
550, as a real server refuses an unknown mailbox, so tests can check a permanent failure.
Each message keeps its envelope in X-Sink-Mail-From and X-Sink-Rcpt-To headers, and the moment
the sink accepted it (seconds since 1970, to the microsecond) in X-Sink-Received-At.
"""
import asyncio
import mailbox
import os
import signal
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, maildir):
        self.maildir = maildir
        self.box = mailbox.Maildir(maildir, create=True)

    def rejected(self):
        try:
            with open(os.path.join(self.maildir, "reject"), encoding="utf-8") as f:
                return {line.strip().lower() for line in f if line.strip()}
        except FileNotFoundError:
            return set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.rejected():
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        head = (
            f"X-Sink-Received-At: {time.time():.6f}\r\n"
            f"X-Sink-Mail-From: {envelope.mail_from}\r\nX-Sink-Rcpt-To: {', '.join(envelope.rcpt_tos)}\r\n"
        )
        key = self.box.add(head.encode() + envelope.original_content)
        return f"250 OK queued as {key}"


def main():
    host, port = sys.argv[1].rsplit(":", 1)
    # A fixed name: the default looks up the fully qualified host name, which takes seconds offline.
    controller = Controller(Sink(sys.argv[2]), hostname=host, port=int(port), decode_data=False, server_hostname="parapet-sink.localhost")
    controller.start()
    # Every message is on disk once it is accepted: stop at once, open connections or not.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    asyncio.new_event_loop().run_forever()


if __name__ == "__main__":
    main()
