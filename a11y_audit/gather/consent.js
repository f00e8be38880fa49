// Finds a visible cookie-consent banner and its accept button (rules/consent.yaml), also inside open
// shadow roots. Returns null, or {manager, selector, gone, accept}: `selector` is the banner element,
// `gone` the selector whose visible elements must all disappear once consent is given,
// `accept` a selector of the button that accepts ("" when none was found). An element inside a
// shadow root has the selector "host >> inside" (Playwright's chaining; CSS inside a shadow root).
// With `rules.frame` the document is an iframe's: its whole body may be the banner.
(rules) => {
  //#include common.js
  const visible = (el) => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  // the elements matching `selector` in `root` and in the open shadow roots below it
  const all = (selector, root) => {
    const out = [];
    const search = (scope) => {
      try { out.push(...scope.querySelectorAll(selector)); } catch (e) { return; }
      for (const el of scope.querySelectorAll("*")) if (el.shadowRoot) search(el.shadowRoot);
    };
    search(root || document);
    if (root && root.shadowRoot) search(root.shadowRoot);
    return out;
  };
  const holds = (outer, inner) => {  // contains, across shadow roots
    for (let n = inner; n; n = n.parentNode || n.host) if (n === outer) return true;
    return false;
  };
  const firstVisible = (selector, root) => all(selector, root).find(visible) || null;
  const words = rules.words.map((w) => w.toLowerCase());
  const acceptTexts = rules.accept.map((t) => t.toLowerCase());
  const label = (el) => (el.innerText || el.value || el.getAttribute("aria-label") || "")
    .replace(/\s+/g, " ").toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  // the best accept button inside `root`: the first text of the list that a visible button has
  const acceptButton = (root) => {
    const buttons = all("button, a[href], [role=button], input[type=submit], input[type=button]", root).filter(visible);
    const labels = buttons.map(label);
    for (const text of acceptTexts) {
      const index = labels.indexOf(text);
      if (index >= 0) return buttons[index];
    }
    return null;
  };
  const found = (manager, banner, gone, button) => ({
    manager, selector: shadowPath(banner), gone, accept: button ? shadowPath(button) : "",
  });

  if (rules.site) {
    const banner = firstVisible(rules.site);
    if (banner) return found("site", banner, rules.site, acceptButton(banner));
  }
  for (const manager of rules.managers) {
    const banner = firstVisible(manager.banner);
    if (banner) return found(manager.id, banner, manager.banner, firstVisible(manager.accept));
  }
  // generic: a dialog or a fixed/sticky element with cookie words and an accept button
  const candidates = new Set(all("[role=dialog], [role=alertdialog], dialog[open], [aria-modal=true]"));
  for (const el of document.body ? all("*", document.body) : []) {
    const position = getComputedStyle(el).position;
    if (position === "fixed" || position === "sticky") candidates.add(el);
  }
  if (rules.frame && document.body) candidates.add(document.body);  // an iframe that is all banner
  const banners = [];
  for (const el of candidates) {
    if (!visible(el)) continue;
    const text = (el.innerText || "").slice(0, 5000).toLowerCase();
    if (!words.some((w) => text.includes(w))) continue;
    const button = acceptButton(el);
    if (button) banners.push([el, button]);
  }
  // the innermost one: the banner itself, not a wrapper around it (and around more)
  const inner = banners.find(([el]) => !banners.some(([other]) => other !== el && holds(el, other)));
  if (!inner) return null;
  const path = shadowPath(inner[0]);
  return found("generic", inner[0], path, inner[1]);
}
