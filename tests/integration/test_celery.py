"""The distributed executor with a real redis-server and two worker processes."""

import os
import shutil
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

pytestmark = pytest.mark.browser
REDIS = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _start_redis(folder) -> tuple[subprocess.Popen, int]:
    """A redis-server on a free port; another one when a process took the port before it could."""
    for _ in range(3):
        port = free_port()
        server = subprocess.Popen([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                   "--dir", str(folder)], stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and server.poll() is None:
            if _answers_ping(port):
                return server, port
            time.sleep(0.1)
        server.kill()
        server.wait()
    raise AssertionError("redis-server did not start")


@pytest.fixture(scope="module")
def broker(tmp_path_factory):
    if REDIS is None:
        pytest.skip("redis-server is not installed (scripts/test.sh installs it on Debian)")
    folder = tmp_path_factory.mktemp("redis")
    server, port = _start_redis(folder)
    url = f"redis://127.0.0.1:{port}/0"
    workers = [subprocess.Popen([sys.executable, "-m", "a11y_audit", "worker", "--broker", url, "--name", f"w{i}@%h",
                                 "--loglevel", "WARNING"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
               for i in (1, 2)]
    yield url
    for process in workers:
        process.terminate()
    for process in workers:
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
    server.terminate()
    server.wait(10)


def audit(targets, out, *extra):
    result = subprocess.run([sys.executable, "-m", "a11y_audit", "run", "--targets", str(targets), "--out", str(out), *extra],
                            capture_output=True, text=True, timeout=600, env={**os.environ, "A11Y_AUDIT_LOCK_DIR": str(out.parent)})
    assert result.returncode == 0, result.stderr
    return out / "run-1.json"


def summary(path):
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    base = data["sites"][0]["url"]
    site = data["sites"][0]
    pages = sorted((p["url"].replace(base, "/"), p["state"], p["reason"]) for p in site["pages"])
    findings = sorted((f["page_url"].replace(base, "/"), f["rule_id"], f["outcome"], f["selector"]) for f in site["findings"])
    return pages, findings, data["run"]["axe_version"]


def test_two_workers_give_the_same_results_as_a_local_run(broker, fixture_site, tmp_path):
    targets = tmp_path / "targets.yaml"
    targets.write_text(f"settings:\n  concurrency: 2\n  page_timeout: 15\n  max_pages: 6\n  allowed_hosts: [127.0.0.1]\n"
                       f"sites:\n  - id: test\n    name: Testgemeente\n    url: {fixture_site}\n", encoding="utf-8")
    again = tmp_path / "targets-celery.yaml"  # both runs at the same time: one run per targets file at a time
    again.write_text(targets.read_text(encoding="utf-8"), encoding="utf-8")
    with ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(audit, targets, tmp_path / "local"),
                pool.submit(audit, again, tmp_path / "celery", "--executor", "celery", "--broker", broker)]
        local, spread = (summary(run.result()) for run in runs)
    assert spread == local
    assert len(local[0]) == 5 and local[2]
