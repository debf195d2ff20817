#!/usr/bin/env python3
"""A webhook receiver written only from docs/webhooks.md, with the standard library, to prove those docs.

Usage: receiver.py --secrets FILE --results FILE --port-file FILE [--statuses 500,200]

Listens on a free loopback port (written to --port-file), verifies every delivery's signature against each secret
in --secrets (one per line, re-read per request so a test can add a rotated one), appends one JSON line per
delivery to --results, and answers with the next of --statuses (200 once they run out).
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 5 * 60


def signatures_verified(secret, timestamp, body, header):
    """The indexes of the header's v1 signatures that the secret produced (docs/webhooks.md, "Verifying")."""
    signed = timestamp.encode("utf-8") + b"." + body
    expected = base64.b64encode(hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).digest()).decode("ascii")
    matches = []
    for index, part in enumerate(header.split(" ")):
        scheme, _, value = part.partition("=")
        if scheme == "v1" and hmac.compare_digest(value, expected):
            matches.append(index)
    return matches


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--secrets", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--statuses", default="")
    args = parser.parse_args()
    statuses = [int(code) for code in args.statuses.split(",") if code]
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            webhook_id = self.headers.get("Webhook-Id", "")
            timestamp = self.headers.get("Webhook-Timestamp", "")
            header = self.headers.get("Webhook-Signature", "")
            with open(args.secrets, encoding="utf-8") as file:
                secrets = [line.strip() for line in file if line.strip()]
            verified_by = [i for i, secret in enumerate(secrets) if signatures_verified(secret, timestamp, body, header)]
            fresh = timestamp.isdigit() and abs(time.time() - int(timestamp)) <= TOLERANCE_SECONDS
            with lock:
                status = statuses.pop(0) if statuses else 200
                record = {
                    "webhookId": webhook_id,
                    "timestamp": timestamp,
                    "fresh": fresh,
                    "contentType": self.headers.get("Content-Type", ""),
                    "signatureCount": len(header.split(" ")) if header else 0,
                    "verifiedBySecrets": verified_by,
                    "verified": fresh and len(verified_by) > 0,
                    "status": status,
                    "body": json.loads(body.decode("utf-8")) if body else None,
                }
                with open(args.results, "a", encoding="utf-8") as file:
                    file.write(json.dumps(record) + "\n")
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format, *arguments):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(args.port_file + ".tmp", "w", encoding="utf-8") as file:
        file.write(str(server.server_address[1]))
    # Renamed into place so the test never reads a half-written port.
    os.replace(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
