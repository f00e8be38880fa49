"""Fetches the real JavaScript libraries some test fixtures run, from the npm registry, into .venv/test-assets.

Pinned versions, checked against the registry's sha512; fetched once (scripts/setup.sh test). Tests that
need a file skip, saying so, when it is not there.
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / ".venv" / "test-assets"
# (tarball, its sha512 as the registry gives it, file in the package, name in TARGET)
ASSETS = [
    ("https://registry.npmjs.org/react/-/react-18.3.1.tgz",
     "wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ==",
     "package/umd/react.production.min.js", "react.production.min.js"),
    ("https://registry.npmjs.org/react-dom/-/react-dom-18.3.1.tgz",
     "5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw==",
     "package/umd/react-dom.production.min.js", "react-dom.production.min.js"),
]


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    for url, sha512, member, name in ASSETS:
        if (TARGET / name).is_file():
            continue
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - a fixed https address
            data = response.read()
        if base64.b64encode(hashlib.sha512(data).digest()).decode() != sha512:
            print(f"{url}: not the expected content (sha512 differs)", file=sys.stderr)
            return 1
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            content = tar.extractfile(member)
            if content is None:
                print(f"{url}: {member} is missing", file=sys.stderr)
                return 1
            (TARGET / name).write_bytes(content.read())
    return 0


if __name__ == "__main__":
    sys.exit(main())
