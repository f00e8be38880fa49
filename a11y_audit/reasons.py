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
# crawling (discover/): robots.txt, redirects, limits
ROBOTS = "robots"  # robots.txt asks our user agent not to visit this address
ROBOTS_UNAVAILABLE = "robots-unavailable"  # robots.txt answered 5xx or not at all: nothing may be visited (RFC 9309)
LEAVES_SITE = "leaves-site"  # detail: the address outside the site it redirects or navigates to
REDIRECT_LOOP = "redirect-loop"
TOO_MANY_REDIRECTS = "too-many-redirects"
TOO_LARGE = "too-large"  # detail: the size in bytes
TLS = "tls"  # the certificate is invalid (expired, self-signed, wrong name); detail: what is wrong
TIME_LIMIT = "time-limit"  # the site's time (max_site_seconds) was up before this page's turn; detail: seconds
# the site's steps in targets.yaml (gather/session.py)
LOGIN_FAILED = "login-failed"  # the login steps did not log in; detail: the step and what went wrong
ACTION_FAILED = "action-failed"  # a step before the audit failed; detail: the step and what went wrong
CONSENT_FAILED = "consent-failed"  # the site's own consent steps failed; detail: the step and what went wrong


def split(reason: str) -> tuple[str, str]:
    code, _, detail = reason.partition(":")
    return code.strip(), detail.strip()
