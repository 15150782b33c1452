"""The processes a benchmark starts and times: the emulator, one timed command, and the loopback
line server of the warm-server floor."""
import json
import os
import re
import socket
import subprocess
import threading
import time
import urllib.request


class Emulator:
    """The vpssnap emulator as a child process on a free loopback port."""

    def __init__(self, jar):
        self.proc = subprocess.Popen(["java", "-jar", jar, "--port", "0"], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        self.url = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)

    def control(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + "/_emulator" + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req) as answer:
            text = answer.read()
            return json.loads(text) if text else None

    def reset(self, create_ms=0):
        self.control("POST", "/reset")
        self.control("PUT", "/timing", {"createMs": create_ms, "deleteMs": 0, "revertMs": 0, "restoreMs": 0})

    def snapshot_count(self):
        state = self.control("GET", "/state")
        return sum(len(s["snapshots"]) for cloud in ("locaweb", "vpsorg") for s in state[cloud]["servers"])

    def requests(self):
        return self.control("GET", "/requests")

    def close(self):
        self.proc.terminate()
        self.proc.wait()


def run(command, cwd, env, what):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


class LineServer:
    """A loopback server that answers every connection with one handshake-shaped line at once:
    the other end of the warm-server floor."""

    def __enter__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        return self

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.sendall(b"1|6|tcp|127.0.0.1:1|grpc\n")

    def __exit__(self, *exc):
        self.sock.close()
