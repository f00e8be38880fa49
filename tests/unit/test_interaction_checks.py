"""The interaction checks as pure functions over the facts of the interaction step."""

from a11y_audit.checks import CANT_TELL, FAILED, check_page
from a11y_audit.checks.interaction import INTERACTION_CHECKS, backward_jump
from a11y_audit.snapshot import (
    BrokenText, FocusStop, HoverContent, Interaction, KeyboardTrap, KeyShortcut, MotionReaction, MouseOnly, Overflow,
    PageSnapshot, UnchangedFocus,
)

MINE = {c.id for c in INTERACTION_CHECKS}


def page(focus_unchanged=(), **facts) -> PageSnapshot:
    return PageSnapshot(requested_url="https://www.proefdorp.be/", interaction=Interaction(**facts),
                        focus_unchanged=focus_unchanged)


def found(snapshot: PageSnapshot) -> list[tuple[str, str, str]]:
    return [(f.rule_id, f.outcome, f.selector) for f in check_page(snapshot) if f.rule_id in MINE]


def stop(selector: str, x: int, y: int, width: int = 100, height: int = 20, **more) -> FocusStop:
    return FocusStop(selector=selector, name=selector, x=x, y=y, width=width, height=height, **more)


def test_every_check_has_dutch_and_english_texts_and_one_criterion():
    for check in INTERACTION_CHECKS:
        assert set(check.texts) == {"nl", "en"} and len(check.criteria) == 1, check.id
        assert check.help_url.startswith("https://www.w3.org/WAI/WCAG22/Understanding/"), check.id


def test_a_page_visited_without_the_step_has_no_interaction_findings():
    assert found(PageSnapshot(requested_url="https://www.proefdorp.be/")) == []


def test_keyboard_traps_fail_outside_dialogs_and_need_a_person_when_a_button_may_release_them():
    stuck = KeyboardTrap(selectors=("#editor",), names=("Sjabloon",))
    widget = KeyboardTrap(selectors=("#a", "#b"), control=True)
    dialog = KeyboardTrap(selectors=("#ok", "#meer"), dialog=True, control=True)
    advised = KeyboardTrap(selectors=("#c", "#d"), advice=("Control+m",))  # the page names Ctrl+M: it does not work
    vague = KeyboardTrap(selectors=("#e",), key_hint=True)  # the page speaks of keys, names none the step could press
    assert found(page(traps=(stuck, widget, dialog, advised, vague))) == [
        ("keyboard-trap", FAILED, "#editor"), ("keyboard-trap", CANT_TELL, "#a"), ("keyboard-trap", FAILED, "#c"),
        ("keyboard-trap", CANT_TELL, "#e"),
    ]
    messages = [f.message for f in check_page(page(traps=(advised,)))]
    assert messages == ["de focus blijft rond in deze 2 elementen; met Escape, Tab, Shift+Tab of Ctrl+M komt u er niet "
                        "meer uit (de pagina noemt Ctrl+M)"]


def test_a_printable_key_the_page_reacts_to_fails_unless_the_page_speaks_of_turning_shortcuts_off():
    plus = KeyShortcut(key="+", reaction="content", selector="#lijst")
    slash = KeyShortcut(key="/", reaction="focus", selector="#zoek")
    settings = KeyShortcut(key="+", reaction="content", selector="#lijst", off_switch="Sneltoetsen uitzetten")
    classes = KeyShortcut(key="k", reaction="attributes", selector="body > div")  # only attributes: perhaps no shortcut
    assert [found(page(shortcuts=(s,))) for s in (plus, slash, settings, classes)] == [
        [("character-key-shortcut", FAILED, "#lijst")], [("character-key-shortcut", FAILED, "#zoek")],
        [("character-key-shortcut", CANT_TELL, "#lijst")], [("character-key-shortcut", CANT_TELL, "body > div")],
    ]
    finding = check_page(page(shortcuts=(slash,)))[0]
    assert finding.criteria == ("2.1.4",) and "de toets “/”: de focus springt naar een ander element" in finding.message


def test_a_page_moved_by_tilting_fails_only_when_nothing_else_could_operate_it():
    alone = MotionReaction(event="deviceorientation", content=True, selector="#waarde", operable=False)
    with_buttons = MotionReaction(event="devicemotion", content=True, selector="#waarde", operable=True)
    effect = MotionReaction(event="deviceorientation", content=False, selector="div.achtergrond", operable=False)
    assert [found(page(motion=(m,))) for m in (alone, with_buttons, effect)] == [
        [("motion-actuation", FAILED, "#waarde")], [("motion-actuation", CANT_TELL, "#waarde")],
        [("motion-actuation", CANT_TELL, "div.achtergrond")],
    ]
    assert check_page(page(motion=(alone,)))[0].criteria == ("2.5.4",)


def test_focus_on_something_invisible_fails_only_when_the_screen_did_not_change_at_all():
    stops = (
        stop("#skip", 0, 0, shown="hidden", pixels_changed=False),
        stop("#menu a", -300, 0, shown="off-screen", pixels_changed=False),
        stop("#knop", 10, 100, pixels_changed=False),  # visible, but its focus style changes no pixel
        stop("#gft", 10, 200, shown="hidden", pixels_changed=True),  # a custom checkbox: its label shows the focus
        stop("#pmd", 10, 240, shown="hidden"),  # not compared
        stop("#plain", 10, 300, pixels_changed=False),  # already reported by focus-visible
    )
    assert found(page(stops=stops, focus_unchanged=(UnchangedFocus("#plain"),))) == [
        ("focus-invisible", FAILED, "#skip"), ("focus-invisible", FAILED, "#menu a"), ("focus-invisible", FAILED, "#knop"),
    ]


def test_focus_wholly_under_fixed_content_fails_only_when_nothing_of_the_focus_shows():
    stops = (stop("#a", 0, 800, shown="obscured", pixels_changed=False),
             stop("#b", 0, 840, shown="obscured", pixels_changed=True))
    assert found(page(stops=stops)) == [("focus-obscured", FAILED, "#a")]


def test_focus_jumping_back_up_in_the_same_column_is_a_focus_order_problem():
    question, name = stop("#vraag", 16, 600), stop("#naam", 16, 100)
    assert backward_jump(question, name) == 480
    assert backward_jump(stop("#x", 16, 300), stop("#y", 16, 200)) == 0  # less than JUMP
    assert backward_jump(stop("#links", 16, 900), stop("#rechts", 600, 100)) == 0  # the top of the next column
    assert backward_jump(question, stop("#naam", 16, 100, prev_hidden=True)) == 0  # a submenu closed
    assert backward_jump(question, stop("#kop", 16, 0, fixed=True)) == 0
    assert backward_jump(question, stop("#naam", 16, 100, after_escape=True)) == 0
    assert found(page(stops=(question, name))) == [("focus-order", FAILED, "#naam")]


def test_three_stops_right_to_left_on_one_line_are_a_focus_order_problem():
    reversed_menu = tuple(stop(f"#m{i}", 400 - 100 * i, 10, width=80) for i in range(4))
    assert found(page(stops=reversed_menu)) == [("focus-order", FAILED, "#m2")]
    assert found(page(stops=reversed_menu[:2])) == []  # one step to the left: an icon before its label
    assert found(page(stops=tuple(stop(f"#m{i}", 100 * i, 10, width=80) for i in range(4)))) == []


def test_mouse_only_controls_reflow_spacing_zoom():
    facts = dict(
        mouse_only=(MouseOnly("div.kaart", "Kermis", "div", ("click",)),),
        reflow_width=656, reflow_overflow=(Overflow("main > div", "De gemeenteraad", 640),),
        spacing_broken=(BrokenText("p.tegel", "Uw identiteitskaart"),
                        BrokenText("div.melding", "Het loket", "overlap", "main > p")),
        zoom_broken=(BrokenText("nav a", "Contact"),),
    )
    findings = {f.rule_id: f for f in check_page(page(**facts)) if f.rule_id in MINE}
    assert found(page(**facts)) == [
        ("mouse-only-control", FAILED, "div.kaart"), ("reflow", FAILED, "main > div"),
        ("text-spacing-clipped", FAILED, "p.tegel"), ("text-spacing-clipped", FAILED, "div.melding"),
        ("zoom-text-clipped", FAILED, "nav a"),
    ]
    assert findings["reflow"].message.endswith("tot 640 pixels: de pagina moet horizontaal scrollen")
    assert findings["reflow"].criteria == ("1.4.10",) and findings["zoom-text-clipped"].criteria == ("1.4.4",)
    cut_off = page(reflow_width=320, reflow_overflow=(Overflow("main > div", "tekst", 500),))
    assert check_page(cut_off)[0].message.endswith("de rest wordt afgesneden")  # body { overflow-x: hidden }
    tile = page(mouse_only=(MouseOnly("div.tegel", "Afval", "div", ("click",), delegated="jQuery"),))
    assert [f.message for f in check_page(tile)] == [
        "dit <div> reageert op de muis (click, via jQuery hoger in de pagina) maar is niet met Tab te bereiken"]
    teaser = page(zoom_broken=(BrokenText("div.intro", "Er was eens", link="Lees het hele verhaal"),))
    assert found(teaser) == [("zoom-text-clipped", CANT_TELL, "div.intro")]  # the full text may be behind the link


def test_hover_content_fails_when_it_covers_other_content_and_escape_leaves_it():
    kept = HoverContent("span.uitleg", "span.bubbel", "Een extra belasting", positioned=True, covers=True)
    assert found(page(hover=(kept,))) == [("hover-not-dismissable", FAILED, "span.bubbel")]
    for fine in (HoverContent("a", "x", positioned=True, covers=True, dismissed=True),  # Escape hides it
                 HoverContent("a", "y", positioned=True, covers=False),  # in empty space
                 HoverContent("a", "z", positioned=False, covers=True)):  # in the flow: pushes content down
        assert found(page(hover=(fine,))) == []


def test_snapshots_keep_the_facts_and_older_snapshots_still_load():
    snapshot = page(steps=("keyboard",), stops=(stop("#a", 1, 2, shown="hidden", pixels_changed=False),),
                    traps=(KeyboardTrap(("#a",), advice=("Control+m",)),), hover=(HoverContent("a", "b"),), reflow_width=400,
                    shortcuts=(KeyShortcut("/", "focus", "#zoek"),), motion=(MotionReaction("devicemotion", True),))
    again = PageSnapshot.from_dict(snapshot.to_dict())
    assert again == snapshot and isinstance(again.interaction.stops[0], FocusStop)
    assert isinstance(again.interaction.shortcuts[0], KeyShortcut) and isinstance(again.interaction.motion[0], MotionReaction)
    old = snapshot.to_dict()
    del old["interaction"], old["timings"]["interaction_ms"]
    assert PageSnapshot.from_dict(old).interaction is None
