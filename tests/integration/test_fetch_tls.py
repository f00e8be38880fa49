"""An invalid TLS certificate (self-signed, made with openssl here) is a reason, unless the setting accepts it."""

import asyncio
import shutil
import ssl
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from a11y_audit.config import Settings
from a11y_audit.discover.fetch import Fetcher
from a11y_audit.discover.polite import Politeness


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_invalid_certificate_is_a_reason_unless_accepted(tmp_path):
    key, cert = tmp_path / "k.pem", tmp_path / "c.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert), str(key))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"https://127.0.0.1:{server.server_address[1]}/"

    async def get(ignore: bool):
        settings = Settings(ignore_tls_errors=ignore, request_delay=0)
        async with Fetcher(settings, Politeness(2, 0)) as fetcher:
            return await fetcher.get(url)

    try:
        refused, accepted = asyncio.run(get(False)), asyncio.run(get(True))
    finally:
        server.shutdown()
        server.server_close()
    assert (refused.status, refused.reason) == (None, "tls: CERTIFICATE_VERIFY_FAILED")
    assert accepted.status == 200 and accepted.reason == ""
