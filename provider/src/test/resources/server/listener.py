# A stranger's listener for ServerTrustIT: binds a Unix socket at PATH (made connectable by anyone),
# accepts every connection, answers nothing, and keeps "CONNECTIONS BYTES" received in COUNTS until
# COUNTS.stop exists or SECONDS pass. COUNTS.ready says it listens.
import os
import socket
import sys
import time

path, counts, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
try:
    os.unlink(path)
except FileNotFoundError:
    pass
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
os.chmod(path, 0o777)
server.listen(64)
server.settimeout(0.1)
connections, received, live = 0, 0, []
open(counts + ".ready", "w").close()
end = time.time() + seconds
while time.time() < end and not os.path.exists(counts + ".stop"):
    try:
        conn, _ = server.accept()
        connections += 1
        conn.setblocking(False)
        live.append(conn)
    except socket.timeout:
        pass
    for conn in list(live):
        try:
            data = conn.recv(65536)
            if data:
                received += len(data)
            else:
                live.remove(conn)
                conn.close()
        except BlockingIOError:
            pass
        except OSError:
            live.remove(conn)
    with open(counts + ".tmp", "w") as f:
        f.write("%d %d\n" % (connections, received))
    os.replace(counts + ".tmp", counts)
