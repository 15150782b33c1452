# A flood for ServerTrustIT: COUNT connections to the Unix socket PATH at once. "fast" ones send junk
# and close; "slow" ones stay and send one byte a second (the start of the handoff's magic, never
# finishing it). Every 2nd is fast in "mixed". It stops after SECONDS, or once the server closed every
# slow one. It prints "burst N" when all are open (N the slow ones held), and "done N" at the end.
# "sustained" opens one slow connection every 50 ms instead of all at once, until COUNT or SECONDS.
import socket
import sys
import time


def connect(path):
    """A connection, retried while the listener's backlog is full (EAGAIN), for up to 10 s."""
    for _ in range(1000):
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.settimeout(10)
        try:
            conn.connect(path)
            return conn
        except BlockingIOError:
            conn.close()
            time.sleep(0.01)
    raise OSError("the backlog stayed full")


def trickle(slow):
    """One more byte on each slow connection; those the server closed are dropped."""
    for conn in list(slow):
        try:
            conn.send(b"v")
        except OSError:
            slow.remove(conn)
            conn.close()


path, count, mode, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
slow, failed = [], 0
if mode == "sustained":
    print("burst 0 failed 0", flush=True)
    end = time.time() + seconds
    opened = 0
    while time.time() < end and opened < count:
        try:
            slow.append(connect(path))
        except OSError:
            pass
        opened += 1
        trickle(slow)
        time.sleep(0.05)
    print("done %d" % opened, flush=True)
    sys.exit(0)
for i in range(count):
    try:
        conn = connect(path)
    except OSError:
        failed += 1
        continue
    if mode == "fast" or (mode == "mixed" and i % 2 == 0):
        try:
            conn.sendall(b"GET / HTTP/1.0\r\n\r\n")
        except OSError:
            pass
        conn.close()
    else:
        slow.append(conn)
print("burst %d failed %d" % (len(slow), failed), flush=True)
end = time.time() + seconds
while slow and time.time() < end:
    trickle(slow)
    time.sleep(1)
print("done %d" % len(slow), flush=True)
