#!/usr/bin/env python3
"""Kolada's API replayed from recorded answers, for `samsyn kolada`'s tests: no test
reaches the internet. Usage: replay_server.py PORT_FILE. Writes its port to PORT_FILE,
then serves until killed.

responses.json maps a path (with its query) to {"status": N, "file": NAME}; a path under
/hang/ never answers (for the timeout); any other path is 404 as Kolada answers it."""
import http.server, json, os, socketserver, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
RESPONSES = json.load(open(os.path.join(HERE, "responses.json"), encoding="utf-8"))


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/hang/"):
            time.sleep(60)
            return
        entry = RESPONSES.get(self.path)
        if entry is None:
            body, status = b'{"error": "Not found"}', 404
        else:
            status = entry["status"]
            body = open(os.path.join(HERE, entry["file"]), "rb").read() if "file" in entry else b"{}"
            # A next page is named with the address this server answers on.
            body = body.replace(b"http://KOLADA", f"http://127.0.0.1:{self.server.server_address[1]}".encode())
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
with open(sys.argv[1] + ".tmp", "w") as port_file:
    port_file.write(str(server.server_address[1]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
