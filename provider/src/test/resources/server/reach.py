# What a stranger can do to the server folder's entries, for ServerTrustIT: prints "what:ok" or
# "what:ERRNO" for listing the folder, connecting to and binding the socket, and reading the endpoint.
import errno
import os
import socket
import sys

socket_path, endpoint = sys.argv[1], sys.argv[2]
attempts = (
    ("list", lambda: os.listdir(os.path.dirname(socket_path))),
    ("connect", lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).connect(socket_path)),
    ("bind", lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).bind(socket_path)),
    ("read", lambda: open(endpoint).read()),
)
said = []
for what, attempt in attempts:
    try:
        attempt()
        said.append(what + ":ok")
    except OSError as e:
        said.append(what + ":" + errno.errorcode.get(e.errno, str(e.errno)))
print(" ".join(said))
