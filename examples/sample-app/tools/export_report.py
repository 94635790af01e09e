#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Exports a user's report as a ZIP file and uploads it.

DELIBERATELY INSECURE (example for DSOMM Gate): the archive name goes into a shell command (shell=True), and
credentials are hard-coded. The key below is AWS's documented EXAMPLE key (AKIAIOSFODNN7EXAMPLE): a FAKE test
value that grants nothing; the URL password is made up too. Do not deploy this script.
"""
import subprocess
import sys

# FAKE test credentials (AWS documentation example values), here only for the secret scanners to find
AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
# FAKE test credential in a URL (basic auth), equally made up
REPORT_SERVICE = "https://uploader:FAKE-test-only-token@reports.example.com/upload"


def export(user: str) -> int:
    archive = "/tmp/report-" + user + ".zip"
    # shell=True with user input: command injection
    return subprocess.call("zip -r " + archive + " reports/" + user, shell=True)


def upload(archive: str) -> int:
    env = {"AWS_ACCESS_KEY_ID": AWS_ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY": AWS_SECRET_ACCESS_KEY}
    code = subprocess.call(["aws", "s3", "cp", archive, "s3://sample-reports/"], env=env)
    return code or subprocess.call(["curl", "-sf", "-T", archive, REPORT_SERVICE])


if __name__ == "__main__":
    name = sys.argv[1] if len(sys.argv) > 1 else "alice"
    sys.exit(export(name) or upload("/tmp/report-" + name + ".zip"))
