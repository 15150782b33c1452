"""The release as a user gets it: unpacked from dist/, and served as the provider mirrors and the registry
(HTTPS on loopback) for `tofu init`."""
import functools
import http.server
import os
import shutil
import ssl
import statistics
import subprocess
import threading

from processes import run


def unpack_release(args, work):
    """The released package (dist/), both names of the launcher beside lib/ and runtime/."""
    release = os.path.join(work, "release")
    os.makedirs(release)
    tarball = os.path.join(args.dist, "pulumi", f"pulumi-resource-vpssnap-v{args.version}-linux-amd64.tar.gz")
    subprocess.run(["tar", "-xzf", tarball, "-C", release], check=True)
    shutil.copy(os.path.join(release, "pulumi-resource-vpssnap"), os.path.join(release, "terraform-provider-vpssnap"))
    return release


class QuietFileHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that keeps its request log off the bench's output."""

    def log_message(self, *args):
        pass


def init_times(args, work):
    """`tofu init` of the released provider from each mirror, medians of fresh inits (no .terraform,
    no lock file): the filesystem mirror, and the network mirror served over HTTPS on loopback; and,
    when the release was signed (make dist GPG_KEY=...), from the registry by the source address alone,
    served the same way, with a `host` block standing in for DNS (the signature is checked each time)."""
    d = os.path.join(work, "init")
    os.makedirs(d)
    ca_key, ca, key, cert = (os.path.join(d, n) for n in ("ca.key", "ca.pem", "server.key", "server.pem"))
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
                    "-subj", "/CN=bench CA", "-keyout", ca_key, "-out", ca, "-addext", "basicConstraints=critical,CA:TRUE"],
                   check=True, capture_output=True)
    ext = os.path.join(d, "server.ext")
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
    subprocess.run(["openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=127.0.0.1",
                    "-keyout", key, "-out", os.path.join(d, "server.csr")], check=True, capture_output=True)
    subprocess.run(["openssl", "x509", "-req", "-in", os.path.join(d, "server.csr"), "-CA", ca, "-CAkey", ca_key,
                    "-CAcreateserial", "-days", "1", "-extfile", ext, "-out", cert], check=True, capture_output=True)
    mirror = os.path.join(args.dist, "terraform-network-mirror")
    handler = functools.partial(QuietFileHandler, directory=mirror)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    servers = [httpd]
    registry = os.path.join(args.dist, "terraform-registry")
    hosts = ""
    if os.path.isdir(registry):
        registry_httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietFileHandler, directory=registry))
        registry_httpd.socket = tls.wrap_socket(registry_httpd.socket, server_side=True)
        threading.Thread(target=registry_httpd.serve_forever, daemon=True).start()
        servers.append(registry_httpd)
        hosts = 'host "vpssnap.dev" {\n  services = { "providers.v1" = "https://127.0.0.1:%d/v1/providers/" }\n}\n' \
                % registry_httpd.server_address[1]
    configs = {
        "filesystem": 'filesystem_mirror {\n    path = "%s"\n    include = ["vpssnap.dev/*/*"]\n  }'
                      % os.path.join(args.dist, "terraform-mirror"),
        "network": 'network_mirror {\n    url = "https://127.0.0.1:%d/"\n    include = ["vpssnap.dev/*/*"]\n  }'
                   % httpd.server_address[1],
    }
    if hosts:
        configs["registry"] = "direct {}"
    times = {name: [] for name in configs}
    try:
        for _ in range(args.throughput_runs + 2):
            for name, block in configs.items():
                ws = os.path.join(d, name)
                shutil.rmtree(ws, ignore_errors=True)
                os.makedirs(ws)
                rc = os.path.join(ws, "cli.tfrc")
                with open(rc, "w") as f:
                    if name == "registry":
                        f.write(hosts + "provider_installation {\n  direct {}\n}\n")
                    else:
                        f.write("provider_installation {\n  %s\n  direct { exclude = [\"vpssnap.dev/*/*\"] }\n}\n" % block)
                with open(os.path.join(ws, "main.tf"), "w") as f:
                    f.write('terraform {\n  required_providers {\n    vpssnap = { source = "vpssnap.dev/vpssnap/vpssnap" }\n  }\n}\n')
                env = {"TF_CLI_CONFIG_FILE": rc, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1", "SSL_CERT_FILE": ca}
                times[name].append(run([args.tofu, "init", "-no-color"], ws, env, f"tofu init ({name} mirror)"))
    finally:
        for server in servers:
            server.shutdown()
    return {name: statistics.median(t) for name, t in times.items()}
