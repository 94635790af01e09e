#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A tiny web page with a search form, used as the DAST target for the example reports.

DELIBERATELY INSECURE (example for DSOMM Gate): the search term is reflected into the page without escaping
(reflected XSS), and no security headers are sent. It listens on 127.0.0.1 only. Do not expose it.

    python3 server.py [PORT]      (default 8088)
"""
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

PAGE = """<!DOCTYPE html>
<html><head><title>Sample app search</title></head>
<body>
<h1>Sample app</h1>
<form action="/search" method="get">
  <input type="text" name="q" value="">
  <input type="submit" value="Search">
</form>
<p><a href="/about">About</a></p>
{body}
</body></html>
"""


class Handler(BaseHTTPRequestHandler):
    server_version = "SampleApp/1.0"

    def do_GET(self):  # noqa: N802 (name given by BaseHTTPRequestHandler)
        url = urlparse(self.path)
        if url.path == "/":
            self.reply(200, PAGE.format(body=""))
        elif url.path == "/about":
            self.reply(200, PAGE.format(body="<p>A deliberately insecure sample.</p>"))
        elif url.path == "/search":
            term = parse_qs(url.query).get("q", [""])[0]
            # reflected without escaping: XSS
            self.reply(200, PAGE.format(body="<p>No results for " + term + "</p>"))
        else:
            self.reply(404, PAGE.format(body="<p>Not found</p>"))

    def reply(self, status, html):
        data = html.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8088
    HTTPServer(("127.0.0.1", port), Handler).serve_forever()
