"""Site-wide criteria over all pages: titles, several ways, consistent navigation and names, skip links."""

from a11y_audit.checks import CANT_TELL, FAILED, check_page, check_site
from a11y_audit.checks.site import SITE_CHECKS, site_name
from a11y_audit.snapshot import Focusable, Heading, Landmark, SearchForm

from snapshots import link, page

URL = "https://www.gemeente.be/"
MINE = {c.id for c in SITE_CHECKS}  # other checks have their own tests
NAV = Landmark("navigation", "Hoofdmenu", "body > nav")
MENU = [("", "Home"), ("nieuws", "Nieuws"), ("afval", "Afval"), ("contact", "Contact"), ("zoeken", "Zoeken")]
SKIP = Focusable("a", "Naar de hoofdinhoud", URL + "#inhoud", "body > a", "inhoud", True, True)


def menu(items=MENU, landmark=NAV):
    return [link(URL + path, name, f"nav a{i}", region="navigation", landmark=landmark.selector) for i, (path, name) in enumerate(items)]


def site_page(path, title, *, items=MENU, landmarks=(NAV, Landmark("main", "", "main")), **facts):
    facts.setdefault("focusables", (SKIP,))
    facts.setdefault("headings", (Heading(1, title),))
    return page(URL + path, title=title, links=facts.pop("links", menu(items)), landmarks=landmarks, **facts)


def clean_site():
    return [
        site_page("", "Gemeente Beekveld – Startpagina"),
        site_page("nieuws", "Nieuws – Gemeente Beekveld"),
        site_page("afval", "Afvalkalender – Gemeente Beekveld"),
        site_page("zoeken", "Zoeken – Gemeente Beekveld", search_forms=(SearchForm("form", "role"),)),
    ]


def rules(findings, prefix=""):
    return sorted((f.rule_id, f.outcome, f.page_url.replace(URL, "/")) for f in findings if f.rule_id.startswith(prefix))


def site_findings(pages):
    return [f for f in check_site(pages) if f.rule_id in MINE]


def test_a_clean_site_has_no_findings():
    pages = clean_site()
    assert site_findings(pages) == []
    assert [f for p in pages for f in check_page(p) if f.rule_id in MINE] == []


def test_site_name_is_the_title_part_on_most_pages():
    assert site_name(clean_site()) == "gemeente beekveld"
    assert site_name([page(URL, title="Home"), page(URL + "a", title="Afval")]) is None


def test_generic_duplicate_and_site_name_only_titles():
    pages = [
        site_page("", "Gemeente Beekveld"),  # the home page may carry only the site name
        site_page("nieuws", "Gemeente Beekveld"),  # another page may not
        site_page("afval", "Pagina – Gemeente Beekveld"),
        site_page("eid", "Untitled"),
        site_page("contact", "Contact – Gemeente Beekveld"),
        site_page("contact-2", "Contact – Gemeente Beekveld"),
        site_page("leeg", ""),  # empty: axe-core's document-title
    ]
    assert rules(check_site(pages), "page-title") == [
        ("page-title-unclear", CANT_TELL, "/contact-2"),
        ("page-title-unclear", FAILED, "/afval"),
        ("page-title-unclear", FAILED, "/eid"),
        ("page-title-unclear", FAILED, "/nieuws"),
    ]


def test_same_page_under_two_urls_is_not_a_duplicate_title():
    pages = [site_page("", "Start – Gemeente"), site_page("index.html", "Start – Gemeente"), site_page("a", "A – Gemeente")]
    assert rules(check_site(pages), "page-title") == []


def test_several_ways_search_form_search_link_or_sitemap():
    no_way = [("", "Home"), ("nieuws", "Nieuws"), ("afval", "Afval")]
    pages = [site_page("", "Home – G", items=no_way), site_page("nieuws", "Nieuws – G", items=no_way),
             site_page("afval", "Afval – G", items=no_way[:2]), site_page("eid", "Eid – G", items=no_way)]
    assert rules(check_site(pages), "multiple-ways") == [("multiple-ways", FAILED, "/")]
    with_sitemap = no_way + [("sitemap.html", "Sitemap")]
    pages_with = [site_page("", "Home – G", items=with_sitemap), *pages[1:]]
    assert rules(check_site(pages_with), "multiple-ways") == []
    with_a_z = [site_page("", "Home – G", items=no_way + [("producten", "Producten van A tot Z")]), *pages[1:]]
    assert rules(check_site(with_a_z), "multiple-ways") == []
    with_form = [site_page("", "Home – G", items=no_way, search_forms=(SearchForm("form", "hint"),)), *pages[1:]]
    assert rules(check_site(with_form), "multiple-ways") == []


def test_several_ways_cannot_tell_when_the_home_page_links_to_every_page():
    no_way = [("", "Home"), ("nieuws", "Nieuws")]
    pages = [site_page("", "Home – G", items=no_way), site_page("nieuws", "Nieuws – G", items=no_way)]
    assert rules(check_site(pages), "multiple-ways") == [("multiple-ways", CANT_TELL, "/")]


def test_navigation_in_another_order_on_one_page():
    moved = [MENU[0], MENU[3], MENU[2], MENU[1], MENU[4]]
    pages = [*clean_site(), site_page("evenementen", "Evenementen – Gemeente Beekveld", items=moved)]
    (finding,) = [f for f in check_site(pages) if f.rule_id == "navigation-order"]
    assert (finding.outcome, finding.page_url, finding.criteria) == (FAILED, URL + "evenementen", ("3.2.3",))
    assert finding.snippet == "Home > Contact > Afval > Nieuws > Zoeken"
    assert "'hoofdmenu'" in finding.message.lower()


def test_added_or_missing_links_do_not_change_the_relative_order():
    sub = MENU[:2] + [("nieuws/2026", "Nieuws 2026")] + MENU[2:]  # an opened submenu
    fewer = [MENU[0], MENU[2], MENU[4]]
    pages = [*clean_site(), site_page("nieuws/2026", "2026 – Gemeente Beekveld", items=sub), site_page("x", "X – Gemeente Beekveld", items=fewer)]
    assert [f for f in check_site(pages) if f.rule_id in ("navigation-order", "consistent-identification")] == []


def test_breadcrumbs_inside_main_are_not_repeated_navigation():
    crumbs = Landmark("navigation", "Kruimelpad", "main nav", parent="main")
    pages = []
    for path, trail in (("a", [("", "Home"), ("a", "A")]), ("b", [("b", "B"), ("", "Start")])):
        links = menu() + menu(trail, crumbs)
        pages.append(site_page(path, f"{path} – Gemeente", links=links, landmarks=(NAV, crumbs, Landmark("main"))))
    assert [f for f in check_site(pages) if f.rule_id in ("navigation-order", "consistent-identification")] == []


def test_the_same_menu_link_with_another_name():
    renamed = [MENU[0], ("nieuws", "Actueel"), *MENU[2:]]
    current = [("", "Home, huidige pagina"), *MENU[1:]]  # a name that only adds to the usual one is fine
    counted = [MENU[0], ("nieuws", "Nieuws (3)"), *MENU[2:]]  # numbers are ignored
    pages = [*clean_site(), site_page("a", "A – Gemeente Beekveld", items=renamed), site_page("b", "B – Gemeente Beekveld", items=current),
             site_page("c", "C – Gemeente Beekveld", items=counted)]
    (finding,) = [f for f in check_site(pages) if f.rule_id == "consistent-identification"]
    assert (finding.outcome, finding.page_url, finding.snippet, finding.criteria) == (FAILED, URL + "a", "Actueel", ("3.2.4",))


def test_logo_and_home_link_to_the_same_page_on_one_page_are_two_components():
    banner = Landmark("banner", "", "body > header")
    header = [link(URL, "Gemeente Beekveld, naar de startpagina", "header a", region="banner", landmark="body > header"),
              link(URL, "Home", "header a2", region="banner", landmark="body > header")]
    pages = [site_page(p, f"{p} – G", links=header + menu(), landmarks=(banner, NAV, Landmark("main"))) for p in ("", "a", "b")]
    assert [f for f in check_site(pages) if f.rule_id == "consistent-identification"] == []


def test_skip_link_that_works_or_main_landmark_is_enough():
    assert [f for f in check_page(site_page("", "Home – G")) if f.rule_id == "skip-link"] == []
    no_skip = site_page("", "Home – G", focusables=(Focusable("a", "Home", URL),))
    assert [f for f in check_page(no_skip) if f.rule_id == "skip-link"] == []  # <main> (ARIA11)


def test_skip_link_whose_target_does_not_exist():
    broken = Focusable("a", "Ga naar de inhoud", URL + "#content", "body > a", "content", False, None)
    cookie = Focusable("button", "Cookies aanvaarden", "", "#cookies button")
    (finding,) = [f for f in check_page(site_page("", "Home – G", focusables=(cookie, broken))) if f.rule_id == "skip-link"]
    assert (finding.outcome, finding.selector, finding.criteria) == (FAILED, "body > a", ("2.4.1",))
    assert "#content" in finding.message


def test_no_skip_link_and_no_main_landmark():
    bare = site_page("", "Home – G", focusables=(Focusable("a", "Home", URL),), landmarks=(NAV,))
    assert [(f.rule_id, f.outcome) for f in check_page(bare) if f.rule_id in MINE] == [("skip-link", CANT_TELL)]  # headings may help (H69)
    no_headings = site_page("", "Home – G", focusables=(), landmarks=(), headings=())
    assert [(f.rule_id, f.outcome) for f in check_page(no_headings) if f.rule_id in MINE] == [("skip-link", FAILED)]


def test_a_link_to_the_top_is_not_a_skip_link():
    top = Focusable("a", "Naar boven", URL + "#top", "a.top", "top", False, None)
    page_ = site_page("", "Home – G", focusables=(top,), landmarks=(NAV,), headings=())
    assert [f.message for f in check_page(page_) if f.rule_id == "skip-link"][0].startswith("geen link")


def test_script_routes_in_the_fragment_are_not_skip_links():
    route = Focusable("a", "Naar home", URL + "#/home", "a.home", "/home", False, None)
    assert [f for f in check_page(site_page("", "Home – G", focusables=(route,))) if f.rule_id == "skip-link"] == []


def test_a_skip_button_counts_and_a_small_block_is_only_a_question():
    button = Focusable("button", "Ga naar de inhoud", "", "body > button")
    with_button = site_page("", "Home – G", focusables=(button,), landmarks=(NAV,), headings=())
    assert [f for f in check_page(with_button) if f.rule_id == "skip-link"] == []
    two_links = site_page("", "Home – G", items=MENU[:2], focusables=(), landmarks=(NAV,), headings=())
    assert [f for f in check_page(two_links) if f.rule_id == "skip-link"] == []  # no block worth skipping
    loose = site_page("", "Home – G", links=(link(URL + "x", "Lees hoofdstuk 2", "body > a", region=""),), focusables=(),
                      landmarks=(), headings=())
    assert [(f.rule_id, f.outcome) for f in check_page(loose) if f.rule_id == "skip-link"] == [("skip-link", CANT_TELL)]
