"""gather.axe.Templates: what a finished page teaches about its site's chrome regions, per site and bounded."""

from a11y_audit.gather.axe import Templates


def summary(learned: dict, reused: list | None = None) -> dict:
    return {"learned": learned, "reused": reused or [], "candidates": len(learned)}


def test_regions_are_known_per_site_once_a_page_taught_them() -> None:
    templates = Templates()
    assert templates.known("https://a.example") == {}
    templates.learn("https://a.example/x", summary({"h1": {"link-name": {}}}))
    assert templates.known(Templates.site_of("https://A.example/other?q=1")) == {"h1": {"link-name": {}}}
    assert templates.known("https://b.example") == {}
    assert templates.known("http://a.example") == {}  # another origin


def test_the_first_result_for_a_region_stays() -> None:
    templates = Templates()
    templates.learn("https://a.example/1", summary({"h1": {"first": True}}))
    templates.learn("https://a.example/2", summary({"h1": {"first": False}, "h2": {}}))
    assert templates.known("https://a.example") == {"h1": {"first": True}, "h2": {}}


def test_pages_that_reused_regions_are_counted() -> None:
    templates = Templates()
    regions = [{"region": "header", "elements": 120, "holes": 0}, {"region": "footer", "elements": 30, "holes": 1}]
    templates.learn("https://a.example/2", summary({}, regions))
    templates.learn("https://a.example/3", summary({}))
    assert templates.reused == {"https://a.example/2": regions}


def test_bounded_in_sites_and_regions() -> None:
    templates = Templates(max_sites=2, max_regions=3)
    templates.learn("https://a.example/", summary({f"h{i}": {} for i in range(5)}))
    assert len(templates.known("https://a.example")) == 3
    templates.learn("https://b.example/", summary({"x": {}}))
    templates.known("https://a.example")  # used: kept
    templates.learn("https://c.example/", summary({"y": {}}))
    assert templates.known("https://b.example") == {}
    assert templates.known("https://a.example") and templates.known("https://c.example")

