"""Time from exec to a plugin's handshake line (its first stdout line), as an engine waits for it."""
import os
import signal
import statistics
import subprocess
import time

# What tofu sets when it starts a provider; the cookie is go-plugin's published Terraform cookie.
TF_ENV = {
    "TF_PLUGIN_MAGIC_COOKIE": "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
    "PLUGIN_MIN_PORT": "10000",
    "PLUGIN_MAX_PORT": "25000",
}


def terraform_env_with_client_cert(work):
    """TF_ENV plus what tofu adds with AutoMTLS: a client certificate (made here) and protocol 6."""
    cert = os.path.join(work, "client.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-521", "-nodes",
                    "-subj", "/CN=localhost", "-days", "1", "-keyout", os.path.join(work, "client.key"),
                    "-out", cert], check=True, capture_output=True)
    with open(cert) as f:
        return {**TF_ENV, "PLUGIN_CLIENT_CERT": f.read(), "PLUGIN_PROTOCOL_VERSIONS": "6"}


def time_to_handshake(command, env):
    """Seconds from exec until the first stdout line; the process is then stopped and reaped."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, env={**os.environ, **env}, start_new_session=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    if not line.strip():
        raise RuntimeError(f"{command[0]} printed no handshake line")
    return elapsed


def interleaved(runs, candidates):
    """Runs every candidate once per round, so that machine noise hits them alike; medians in ms."""
    samples = {name: [] for name in candidates}
    for _ in range(runs):
        for name, (command, env) in candidates.items():
            samples[name].append(time_to_handshake(command, env) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}, samples
