"""Why a page or site could not be tested: short codes, optionally with a detail.

A reason is stored as ``"code"`` or ``"code: detail"``; reports translate the
code into plain language and show the detail as is.
"""

HTTP_STATUS = "http-status"  # detail: the status code
TIMEOUT = "timeout"  # detail: the page timeout in seconds
BROWSER_CRASH = "browser-crash"  # the whole browser died; it was restarted
TAB_CRASH = "tab-crash"  # the page's renderer crashed
NOT_HTML = "not-html"  # detail: the content type
DNS = "dns"  # the host name does not resolve
REFUSED = "connection-refused"
NETWORK = "network"  # detail: the browser's network error
CHECK_ERROR = "check-error"  # a bug in a check; detail: the exception
ERROR = "error"  # detail: the browser's message
NOTHING_TESTED = "nothing-tested"
NO_URL = "no-url"
OUT_OF_SCOPE = "out-of-scope"  # the start page is not a page to audit (a document, excluded by a pattern)  # the targets file gives no address for the site


def split(reason: str) -> tuple[str, str]:
    code, _, detail = reason.partition(":")
    return code.strip(), detail.strip()
