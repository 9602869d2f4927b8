#!/usr/bin/env python3
"""Holds N slow-header connections open against 127.0.0.1:PORT for DURATION seconds (slowloris).

Each connection sends a request line and then one header line per second, never the blank line that ends the
headers; a connection the server closes is opened again, so N stay open all the time. Loopback only, bounded in
count and time, stops by itself.
Usage: slow_clients.py PORT N DURATION
"""
import socket
import sys
import time

port, n, duration = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
end = time.time() + duration
socks = [None] * n
reopened = 0


def open_one():
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    s.sendall(b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    return s


while time.time() < end:
    for i in range(n):
        try:
            if socks[i] is None:
                socks[i] = open_one()
                reopened += 1
            else:
                socks[i].sendall(b"X-Slow: 1\r\n")
        except OSError:
            if socks[i] is not None:
                socks[i].close()
            socks[i] = None
    time.sleep(1)
for s in socks:
    if s is not None:
        s.close()
print(f"slow clients: {n} held for {duration:.0f} s, {reopened} connections opened in all")
