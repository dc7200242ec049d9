#!/usr/bin/env python3
"""Latency of `shore lsp` diagnostics: time from sending a didChange to receiving its
publishDiagnostics, for a rule file of about LINES lines (default 500), through the
real binary over stdio. Prints the median and 90th percentile, beside the time of a
whole `shore lint` process on the same file measured in the same run.

    swift build -c release --product shore
    scripts/lsp-latency.py .build/release/shore [LINES] [EDITS] [DEBOUNCE_MS]

Every edit toggles a typo (`location.contry`) in the last rule, so each check does the
full work (YAML, schema, CEL compile of every rule, lint checks) and alternates
between one diagnostic and none. DEBOUNCE_MS (default 0, the server's own latency) is
the pause the server waits for further changes; give 10, the server's default, for
what an editor sees.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

RULE = """  - id: GEN-{n:04d}
    title: Generated rule {n}
    for: location
    when: engagement.data.exists(d, d.level >= level('confidential'))
    assert: location.country in allowed || location.{field} == company.country
    message: "{{{{ country_name(location.country) }}}} is not allowed for rule {n}"
    tags: [generated]
"""


def rule_file(lines: int, typo: bool) -> str:
    head = 'policy: generated\nsets:\n  allowed: ["AT", "BE", "DE", "FR", "IE", "NL", "NO"]\nrules:\n'
    count = max(1, (lines - 4) // 8)
    body = "\n".join(RULE.format(n=n, field="contry" if typo and n == count - 1 else "country") for n in range(count))
    return head + body


class Client:
    def __init__(self, shore: str):
        self.process = subprocess.Popen([shore, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def read(self) -> dict:
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            key, _, value = line.decode().partition(":")
            if key.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method: str, params) -> dict:
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == ident:
                return message

    def diagnostics(self, uri: str, version: int) -> list:
        while True:
            message = self.read()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri \
                    and params.get("version") == version:
                return params["diagnostics"]


def main() -> None:
    shore = sys.argv[1]
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    debounce = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    folder = tempfile.mkdtemp(prefix="shore-lsp-latency-")
    os.makedirs(os.path.join(folder, "rules"))
    path = os.path.join(folder, "rules", "generated.yaml")
    clean, typo = rule_file(lines, False), rule_file(lines, True)
    with open(path, "w") as f:
        f.write(clean)
    uri = "file://" + path

    client = Client(shore)
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {},
                                  "initializationOptions": {"debounceMilliseconds": debounce}})
    client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": clean}}})
    client.diagnostics(uri, 1)
    times = []
    for version in range(2, edits + 2):
        text = typo if version % 2 == 0 else clean
        start = time.perf_counter()
        client.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}})
        found = client.diagnostics(uri, version)
        times.append(time.perf_counter() - start)
        assert len(found) == (1 if version % 2 == 0 else 0), found
    client.request("shutdown", None)
    client.send({"jsonrpc": "2.0", "method": "exit"})
    client.process.wait(timeout=10)

    lint = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([shore, "lint", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lint.append(time.perf_counter() - start)
    times.sort()
    print(f"rule file: {clean.count(chr(10)) + 1} lines, {clean.count('- id:')} rules; {edits} edits; debounce {debounce} ms")
    print(f"didChange -> publishDiagnostics: median {statistics.median(times) * 1000:.1f} ms, "
          f"p90 {times[int(len(times) * 0.9) - 1] * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms")
    print(f"whole `shore lint` process on the same file: median {statistics.median(lint) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
