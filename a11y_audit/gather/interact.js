// In-page helpers of the interaction step (gather/interact.py). Installed once per page as
// window.__a11yAuditInteract; every function is small and bounded, and returns plain JSON.
// Python drives the real keyboard and mouse between the calls.
(() => {
  if (window.__a11yAuditInteract) return;
  const LIM = { descendants: 30, elements: 8000, click: 150, hoverRules: 5000, hoverPerRule: 2, hoverTriggers: 8,
                jsHover: 20, texts: 2000, lines: 6000, pairs: 200, kept: 20, overflow: 5, pulled: 5, adviceText: 50000,
                controls: 40 };
  const XHTML = "http://www.w3.org/1999/xhtml";
  const FOCUS_MARGIN = 24;  // px around a focused element compared first: outlines, offsets, shadows, underlines
  const state = { ids: new WeakMap(), next: 1, current: null, texts: null, baseline: null,
                  currentShown: false, clickEls: [], hoverEls: [], jsHover: [], before: null, revealed: [],
                  presses: 0, focusPress: -1, outPress: -1, ours: false, out: false, pulled: [], pathNodes: [],
                  regions: new Map(), known: {}, log: [], logger: null };
  //#include common.js
  const nameOf = (el) => cut(clean(el.getAttribute("aria-label") || (el.labels && el.labels.length ? el.labels[0].innerText : "") ||
                                   el.innerText || el.getAttribute("title") || el.getAttribute("alt") ||
                                   el.getAttribute("placeholder") || ""), 120);
  const idOf = (el) => {
    if (!state.ids.has(el)) state.ids.set(el, state.next++);
    return state.ids.get(el);
  };
  const byId = new Map();  // id -> element, for the elements Python names by id
  const remember = (el) => { const id = idOf(el); byId.set(id, el); return id; };

  // -- geometry -------------------------------------------------------------------------------
  const area = (r) => (r ? Math.max(0, r.width) * Math.max(0, r.height) : 0);
  const rect = (left, top, right, bottom) => ({ left, top, right, bottom, width: right - left, height: bottom - top });
  const intersect = (a, b) => {
    const r = rect(Math.max(a.left, b.left), Math.max(a.top, b.top), Math.min(a.right, b.right), Math.min(a.bottom, b.bottom));
    return r.width > 0 && r.height > 0 ? r : null;
  };
  const viewport = () => rect(0, 0, document.documentElement.clientWidth, document.documentElement.clientHeight);
  // the element's box with its first descendants' (an inline link around a block image has no box of its own)
  const boxOf = (el) => {
    const rects = Array.from(el.getClientRects());
    for (const d of Array.from(el.querySelectorAll("*")).slice(0, LIM.descendants)) rects.push(...d.getClientRects());
    const real = rects.filter((r) => r.width >= 2 && r.height >= 2);
    if (!real.length) return null;
    return real.reduce((u, r) => rect(Math.min(u.left, r.left), Math.min(u.top, r.top), Math.max(u.right, r.right),
                                      Math.max(u.bottom, r.bottom)), rect(real[0].left, real[0].top, real[0].right, real[0].bottom));
  };
  const opacity = (el) => {
    let o = 1;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) o *= parseFloat(getComputedStyle(n).opacity);
    return o;
  };
  const modeOf = (cs) => (cs.position === "fixed" ? "fixed" : cs.position === "absolute" ? "absolute" : "normal");
  const containsFixed = (cs) => cs.transform !== "none" || cs.perspective !== "none" || cs.filter !== "none" ||
    /paint|layout|strict|content/.test(cs.contain) || /transform|perspective|filter/.test(cs.willChange);
  // the ancestors whose overflow clips the element: only those in its chain of containing blocks
  // (an absolutely positioned element escapes a static overflow:hidden parent, a fixed one escapes all)
  const clippers = (el, own) => {
    const out = [];
    let mode = own ? "normal" : modeOf(getComputedStyle(el));
    for (let a = own ? el : el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      const cs = getComputedStyle(a);
      const contains = mode === "normal" || (mode === "absolute" ? cs.position !== "static" || containsFixed(cs) : containsFixed(cs));
      if (!contains) continue;
      if (cs.overflowX !== "visible" || cs.overflowY !== "visible") out.push([a, cs]);
      mode = modeOf(cs);
    }
    return out;
  };
  const paddingBox = (a) => {
    const r = a.getBoundingClientRect();
    return rect(r.left + a.clientLeft, r.top + a.clientTop, r.left + a.clientLeft + a.clientWidth, r.top + a.clientTop + a.clientHeight);
  };
  const HIDING = (v) => v === "hidden" || v === "clip";
  // a link around the box that cuts off the element's text, or right before or after it (a teaser with
  // "read more"): the full text may be there
  const linkBeside = (el) => {
    const clipper = clippers(el, true).find(([, cs]) => HIDING(cs.overflowX) || HIDING(cs.overflowY));
    const box = clipper ? clipper[0] : el;
    const around = box.closest("a[href]");
    if (around) return nameOf(around) || cssPath(around);
    for (const sib of [box.previousElementSibling, box.nextElementSibling]) {
      const link = sib && (sib.matches("a[href]") ? sib : sib.querySelector(":scope > a[href], :scope > * > a[href]"));
      if (link) return nameOf(link) || cssPath(link);
    }
    return "";
  };
  // the part of ``box`` the overflow of ancestors lets through (``onlyHiding``: ignore scroll containers)
  const clipRegion = (el, own, onlyHiding) => {
    let region = rect(-1e9, -1e9, 1e9, 1e9);
    for (const [a, cs] of clippers(el, own)) {
      const p = paddingBox(a);
      const x = onlyHiding ? HIDING(cs.overflowX) : cs.overflowX !== "visible";
      const y = onlyHiding ? HIDING(cs.overflowY) : cs.overflowY !== "visible";
      region = rect(x ? Math.max(region.left, p.left) : region.left, y ? Math.max(region.top, p.top) : region.top,
                    x ? Math.min(region.right, p.right) : region.right, y ? Math.min(region.bottom, p.bottom) : region.bottom);
    }
    return region;
  };
  const CLIP_RECT = /rect\(\s*([-\d.]+)px[,\s]+([-\d.]+)px[,\s]+([-\d.]+)px[,\s]+([-\d.]+)px\s*\)/;
  const clippedAway = (el) => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const cs = getComputedStyle(n);
      const m = CLIP_RECT.exec(cs.clip || "");
      if (m && (cs.position === "absolute" || cs.position === "fixed") && (+m[2] - +m[4] < 2 || +m[3] - +m[1] < 2)) return true;
      if (/inset\(\s*50%/.test(cs.clipPath || "")) return true;
    }
    return false;
  };
  const inFixed = (el) => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const p = getComputedStyle(n).position;
      if (p === "fixed" || p === "sticky") return n;
    }
    return null;
  };
  const DIALOG = "dialog, [role=dialog], [role=alertdialog], [aria-modal=true]";
  const painted = (el) => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      if (/^(img|svg|video|canvas|iframe|picture|object|embed)$/.test(n.localName)) return true;
      const bg = getComputedStyle(n).backgroundColor;
      if (bg && !/^(transparent|rgba\(.*,\s*0\))$/.test(bg)) return true;
      if (inFixed(n) === n) return false;
    }
    return false;
  };

  // How a focused element looks: its focus-relevant styles and the first background behind it. Elements of
  // a kind that look the same focused, over the same background, show focus alike (gather/interact.py
  // compares screens once a site for them).
  const LOOK = ["outline-style", "outline-width", "outline-color", "outline-offset", "box-shadow", "color",
                "background-color", "background-image", "text-decoration-line", "text-decoration-color", "border-top-color",
                "border-bottom-color", "border-left-color", "border-right-color", "border-bottom-width", "opacity"];
  const lookOf = (el) => {
    const cs = getComputedStyle(el);
    let behind = "";
    for (let n = el.parentElement; n && !behind; n = n.parentElement) {
      const bg = getComputedStyle(n);
      if (bg.backgroundImage !== "none") behind = "image";
      else if (!/^(transparent|rgba\(.*,\s*0\))$/.test(bg.backgroundColor)) behind = bg.backgroundColor;
    }
    return LOOK.map((p) => cs.getPropertyValue(p)).concat([behind]).join("|");
  };

  // Can the focused element be seen? "" yes; "hidden": no size, transparent or clipped away;
  // "off-screen": outside the viewport; "obscured": wholly under fixed or sticky content.
  const shownState = (el) => {
    const box = boxOf(el);
    if (!box || area(box) < 4 || opacity(el) < 0.1 || clippedAway(el)) return "hidden";
    let seen = intersect(box, viewport());
    if (!seen) return "off-screen";
    seen = intersect(seen, clipRegion(el, false, false));
    if (!seen || area(seen) < 4) return "hidden";
    // obscured when fixed content covers all of 9 points of it: the first point that is not covered ends
    // the test (the middle first, most often the element itself)
    for (const fx of [0.5, 0.2, 0.8]) {
      for (const fy of [0.5, 0.2, 0.8]) {
        const top = document.elementFromPoint(seen.left + seen.width * fx, seen.top + seen.height * fy);
        if (!top || top === el || el.contains(top) || top.contains(el)) return "";
        const fixed = inFixed(top);
        if (!fixed || fixed.contains(el) || !painted(top) || opacity(top) <= 0.5) return "";
      }
    }
    return "obscured";
  };

  // the element that has focus, through shadow roots and iframes of this origin
  const deepActive = () => {
    let el = document.activeElement, frame = null, offset = { x: 0, y: 0 };
    for (let depth = 0; el && depth < 10; depth++) {
      if (el.shadowRoot && el.shadowRoot.activeElement) { el = el.shadowRoot.activeElement; continue; }
      if (el.localName === "iframe" || el.localName === "frame") {
        let inner = null;
        try { inner = el.contentDocument && el.contentDocument.activeElement; } catch (e) { inner = null; }
        if (!inner) return { el, frame: el, cross: true, offset };
        const r = el.getBoundingClientRect();
        frame = frame || el;
        offset = { x: offset.x + r.left + el.clientLeft, y: offset.y + r.top + el.clientTop };
        if (inner === inner.ownerDocument.body) return { el: null, frame, cross: false, offset };
        el = inner;
        continue;
      }
      break;
    }
    return { el, frame, cross: false, offset };
  };

  // The chrome region (header, navigation, footer, search) an element is in, as the template-aware axe run
  // found them on this page with their structural hash (gather/axe_run.js): the outermost one. A region is
  // "plain" when Tab goes through it in document order: no positive tabindex, frames or shadow roots.
  const TABBABLE = "a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]";
  const tabbables = (root) => Array.from(root.querySelectorAll(TABBABLE)).filter((el) =>
    el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]") && el.getClientRects().length &&
    getComputedStyle(el).visibility === "visible");
  const regionOf = (el) => {
    let found = null;
    for (const region of window.__a11yAuditChrome || []) {
      if (region.el.isConnected && region.el.contains(el) && (!found || region.el.contains(found.el))) found = region;
    }
    if (!found) return null;
    if (!state.regions.has(found.el)) {
      const list = tabbables(found.el);
      const plain = list.every((n) => n.tabIndex === 0 && n.localName !== "iframe") &&
                    !Array.from(found.el.querySelectorAll("*")).some((n) => n.shadowRoot);
      state.regions.set(found.el, { hash: found.hash, list, plain });
    }
    return state.regions.get(found.el);
  };

  const regionFacts = (el, frame) => {
    const region = frame ? null : regionOf(el);
    return region ? { region: region.hash, region_index: region.list.indexOf(el), region_size: region.list.length,
                      region_plain: region.plain }
                  : { region: "", region_index: -1, region_size: 0, region_plain: false };
  };

  // keyCode of the punctuation keys of a US keyboard, for scripts that still read it
  const KEYCODES = { ";": 186, ":": 186, "=": 187, "+": 187, ",": 188, "<": 188, "-": 189, "_": 189, ".": 190, ">": 190,
                     "/": 191, "?": 191, "`": 192, "~": 192, "[": 219, "{": 219, "\\": 220, "|": 220, "]": 221, "}": 221,
                     "'": 222, "\"": 222 };
  const PRINTABLE = Array.from("/?+-=.,;:'\"[]{}\\|`~!@#$%^&*()_<>abcdefghijklmnopqrstuvwxyz0123456789");
  const MOTIONS = [
    ["deviceorientation", () => new DeviceOrientationEvent("deviceorientation", { alpha: 0, beta: 45, gamma: 45 })],
    ["deviceorientation", () => new DeviceOrientationEvent("deviceorientation", { alpha: 0, beta: -45, gamma: -45 })],
    ["devicemotion", () => new DeviceMotionEvent("devicemotion", { acceleration: { x: 15, y: 15, z: 0 },
      accelerationIncludingGravity: { x: 15, y: 15, z: 9.8 }, rotationRate: { alpha: 40, beta: 40, gamma: 40 }, interval: 16 })],
    ["devicemotion", () => new DeviceMotionEvent("devicemotion", { acceleration: { x: -15, y: -15, z: 0 },
      accelerationIncludingGravity: { x: -15, y: -15, z: 9.8 }, rotationRate: { alpha: -40, beta: -40, gamma: -40 }, interval: 16 })],
  ];
  const CONTROLS = "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, [contenteditable], " +
    "[role=button], [role=link], [role=checkbox], [role=switch], [role=slider], [role=menuitem], [role=tab], [role=radio]";

  // Does a click handler that jQuery delegated to an ancestor (or the document), $(x).on("click", selector, f),
  // handle clicks on ``el``? The browser sees only jQuery's one listener up there; jQuery keeps the selectors.
  const delegatedSelectors = new Map();
  const jqueryDelegated = (el) => {
    const jq = window.jQuery;
    if (!jq || typeof jq._data !== "function") return false;
    for (let node = el.parentNode; node; node = node.parentNode) {
      if (!delegatedSelectors.has(node)) {
        const selectors = [];
        try {
          const events = jq._data(node, "events") || {};
          for (const type of ["click", "mousedown", "mouseup", "pointerdown", "pointerup"]) {
            for (const handler of events[type] || []) if (handler.selector) selectors.push(handler.selector);
          }
        } catch (e) { /* not jQuery's data after all */ }
        delegatedSelectors.set(node, selectors);
      }
      for (const selector of delegatedSelectors.get(node)) {
        try { if (jq(el).is(selector)) return true; } catch (e) { /* a selector jQuery cannot read either */ }
      }
    }
    return false;
  };

  // see api.activation
  const activationOf = (el) => {
    const tag = el.localName, role = el.getAttribute("role") || "";
    if (((tag === "a" || tag === "area") && el.hasAttribute("href")) || tag === "summary" ||
        el.hasAttribute("popovertarget") || el.hasAttribute("commandfor")) return "acts";
    if ((tag === "button" && el.type === "submit") || (tag === "input" && /^(submit|image)$/.test(el.type))) return el.form ? "acts" : "button";
    if (tag === "button" || (tag === "input" && /^(button|reset|checkbox|radio)$/.test(el.type))) return "button";
    if (/^(button|link|menuitem|menuitemcheckbox|menuitemradio|tab|option|switch|checkbox|radio|treeitem)$/.test(role)) return "aria";
    return "none";
  };

  const later = window.setTimeout.bind(window);  // the page's own timer queue, as it was when this was installed
  const api = {
    // A wait in the page's own timer queue: timers the page set before with a shorter delay (a tooltip shown a
    // moment after mouseenter, focus pulled back a moment after blur) have run when it ends, however busy the
    // machine is; ``frames``: after two animation frames first (a relayout drawn)
    wait({ ms, frames }) {
      return new Promise((done) => {
        const start = () => later(done, ms);
        if (frames) requestAnimationFrame(() => requestAnimationFrame(start)); else start();
      });
    },
    // Before the walk: transitions off (rendering settles at once), no caret, focus back to the start of the page.
    // ``known``: chrome regions walked on an earlier page of the site, by hash: the index of the last element
    // walked there and the region's number of tabbable elements
    startWalk(known) {
      state.known = known || {};
      // a focus log: the page moving focus a second time after one key press (at once or by a timer)
      // pulls it to that element; such elements get a keyboard trap test of their own
      window.addEventListener("keydown", () => { state.presses += 1; }, true);
      document.addEventListener("focusin", (event) => {
        if (state.ours) return;
        const el = event.composedPath()[0];
        const moved = state.focusPress === state.presses || state.outPress === state.presses;  // by this key already
        if (moved && el && el.nodeType === 1 && !state.pulled.includes(el) &&
            state.pulled.length < LIM.pulled) state.pulled.push(el);
        state.focusPress = state.presses;
      }, true);
      document.addEventListener("focusout", (event) => {  // to nothing: the end of the page (not a blur handler's focus())
        const now = document.activeElement;
        if (!state.ours && event.relatedTarget === null && (!now || now === document.body || now === document.documentElement)) {
          state.out = true;
          state.outPress = state.presses;
        }
      }, true);
      const style = document.createElement("style");
      style.textContent = "*, *::before, *::after { transition: none !important; caret-color: transparent !important; }";
      (document.head || document.documentElement).appendChild(style);
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
      window.scrollTo({ left: 0, top: 0, behavior: "instant" });
      const start = document.createElement("span");
      start.tabIndex = -1;
      (document.body || document.documentElement).prepend(start);
      start.focus({ preventScroll: true });
      start.remove();
      // key events in a frame go to the frame's document: with frames, Python presses Tab one at a time
      return { tabbable: tabbables(document).length, frames: document.querySelectorAll("iframe, frame, object, embed").length };
    },

    // For presses sent several at once: each Tab's stop is noted when its key goes up (in the capture
    // phase of the window, before the page's own handlers on the way down)
    logTabs(on) {
      if (state.logger) window.removeEventListener("keyup", state.logger, true);
      state.logger = on ? (event) => { if (event.key === "Tab" && !event.shiftKey) state.log.push(api.stop({ walk: true })); } : null;
      if (state.logger) window.addEventListener("keyup", state.logger, true);
      state.log = [];
    },
    takeLog() {
      const log = state.log;
      state.log = [];
      return log;
    },
    // focus back on a stop noted in the log, as it was then (for the screenshots, or to walk on from it)
    focusStop({ id, shown }) {
      const el = byId.get(id);
      if (!el || !el.isConnected) return false;
      state.ours = true;
      try { el.focus({ focusVisible: true }); } finally { state.ours = false; }
      state.current = el;
      state.currentShown = !shown;
      return deepActive().el === el;
    },

    // Where focus is now, after a Tab. id 0: on the document itself (the end of the tab order).
    // In the walk (``walk``), focus that enters a region walked on an earlier page at its first element is
    // put on the last element walked there (``taken``): the next Tab goes on after it.
    stop(options) {
      const walk = !!(options && options.walk);
      const { el, frame, cross, offset } = deepActive();
      const previous = state.current;
      const prevHidden = !!(previous && state.currentShown && previous !== el && (!previous.isConnected ||
                            !boxOf(previous) || !previous.checkVisibility({ visibilityProperty: true })));
      state.current = el;
      state.currentShown = false;
      const out = state.out;  // focus went to the end of the page since the last stop
      state.out = false;
      if (!el || el === document.body || el === document.documentElement) return { id: 0, out };
      const geometryOf = frame || el;
      const shown = frame ? "" : shownState(el);
      state.currentShown = !shown && !frame;
      const r = cross ? frame.getBoundingClientRect() : el.getBoundingClientRect();
      const x = (cross ? 0 : offset.x) + r.left + window.scrollX, y = (cross ? 0 : offset.y) + r.top + window.scrollY;
      const parent = el.parentElement;
      const region = regionFacts(el, frame);
      const earlier = walk && state.known[region.region];
      const taken = !!earlier && region.region_index === 0 && region.region_size === earlier.size &&
                    api.focusInRegion({ hash: region.region, index: earlier.index, size: earlier.size });
      if (taken) delete state.known[region.region];
      return {
        taken, resume: taken ? remember(state.current) : 0, id: remember(el), out, cross, frame: !!frame, selector: cssPath(geometryOf === el ? el : frame), tag: el.localName,
        name: cross ? "" : nameOf(el),
        x: Math.round(x), y: Math.round(y), width: Math.round(r.width), height: Math.round(r.height),
        fixed: !!inFixed(geometryOf), dialog: !!geometryOf.closest(DIALOG),
        shown,
        group: [el.localName, el.className && el.className.baseVal === undefined ? el.className : "",
                parent ? parent.localName : "", parent && typeof parent.className === "string" ? parent.className : ""].join("|"),
        look: frame ? "" : lookOf(el),
        prev_hidden: prevHidden,
        ...region,
      };
    },
    // Go on from an earlier page's walk: focus the element at ``index`` of the region's tabbable elements,
    // so that the next Tab goes on after it. False when the region is not there as it was.
    focusInRegion({ hash, index, size }) {
      const region = Array.from(state.regions.values()).find((r) => r.hash === hash);
      if (!region || !region.plain || region.list.length !== size || !region.list[index]) return false;
      const el = region.list[index];
      state.ours = true;
      try { el.focus({ preventScroll: true, focusVisible: true }); } finally { state.ours = false; }
      state.current = el;
      state.currentShown = false;
      return document.activeElement === el;
    },
    // for comparing the rendering with and without focus: blur the focused element, then give it focus back.
    // Each says false when the page moved focus meanwhile (then the two screens cannot be compared). With
    // ``around``: also the part of the screen around it where a focus indicator would be, in page
    // coordinates (null when none of it is on screen).
    blur(around) {
      const el = state.current;
      if (!el || el.ownerDocument !== document || el.getRootNode().activeElement !== el) return false;
      let clip = null;
      if (around) {
        const r = el.getBoundingClientRect(), m = FOCUS_MARGIN;
        const left = Math.max(0, r.left - m), top = Math.max(0, r.top - m);
        const right = Math.min(innerWidth, r.right + m), bottom = Math.min(innerHeight, r.bottom + m);
        if (right - left >= 1 && bottom - top >= 1) {
          clip = { x: left + scrollX, y: top + scrollY, width: right - left, height: bottom - top, scale: 1 };
        }
      }
      state.ours = true;
      try { el.blur(); } finally { state.ours = false; }
      return el.getRootNode().activeElement !== el && (around ? { clip } : true);
    },
    refocus() {
      const el = state.current;
      const now = document.activeElement;
      const untouched = !now || now === document.body || now === document.documentElement;
      state.ours = true;
      try { el.focus({ preventScroll: true, focusVisible: true }); } finally { state.ours = false; }
      return untouched;
    },

    // -- keyboard traps: elements the page pulled focus back to, and what could release a trap
    pulled() {
      return state.pulled.filter((el) => el.isConnected && !/^(iframe|frame|body|html)$/.test(el.localName)).map((el) => ({
        id: remember(el), selector: cssPath(el), name: nameOf(el), dialog: !!el.closest(DIALOG),
      }));
    },
    focusId(id) {
      const el = byId.get(id);
      if (!el || !el.isConnected) return false;
      state.ours = true;
      try { el.focus({ preventScroll: true, focusVisible: true }); } finally { state.ours = false; }
      return el.getRootNode().activeElement === el;
    },
    // What activating each element may do: "acts" (a link, a submit button of a form, a summary, a popover
    // or command button), "button" or "aria" (only what listeners do: Python asks which ones the
    // element, its ancestors, the document and the window have), "none" (not something one activates).
    activation(ids) {
      return api.paths(ids.map((id) => byId.get(id)).filter(Boolean)).map(({ el, path }) => ({ kind: activationOf(el), path }));
    },
    // The key combinations the page's visible text names (Ctrl+M, Alt + F2), and whether it speaks of keys at all.
    keyAdvice() {
      const text = cut(document.body ? document.body.innerText : "", LIM.adviceText);
      const MOD = "(?:ctrl|control|alt|shift|option)";
      const combo = new RegExp(`\\b(${MOD}(?:\\s*[+-]\\s*${MOD})*)\\s*[+-]\\s*(f\\d{1,2}|enter|home|end|[a-z0-9])\\b`, "gi");
      const NAMES = { ctrl: "Control", control: "Control", alt: "Alt", option: "Alt", shift: "Shift" };
      const combos = [];
      for (const m of text.matchAll(combo)) {
        const mods = Array.from(new Set(m[1].toLowerCase().split(/\s*[+-]\s*/).map((w) => NAMES[w])));
        const key = m[2].length === 1 ? m[2].toLowerCase() : m[2][0].toUpperCase() + m[2].slice(1).toLowerCase();
        const press = [...mods, key].join("+");
        if (/^Control\+[wqtn]$/.test(press) || combos.includes(press)) continue;  // browser commands, not the page's
        combos.push(press);
        if (combos.length >= 3) break;
      }
      const words = /\b(press|key|keys|keyboard|shortcut|druk|drukt|toets|toetsen|sneltoets|sneltoetsen|toetsenbord|toetscombinatie)\b/i;
      return { combos, words: words.test(text) };
    },
    // unique nodes on the way up from each element (through shadow hosts) to the window, for Python's
    // question which event listeners they have
    paths(els) {
      const index = new Map();
      state.pathNodes = [];
      const at = (node) => {
        if (!index.has(node)) { index.set(node, state.pathNodes.length); state.pathNodes.push(node); }
        return index.get(node);
      };
      return els.map((el) => {
        const path = [];
        for (let n = el; n && n !== document; n = n.parentNode || n.host) path.push(at(n));
        path.push(at(document), at(window));
        return { el, path };
      });
    },
    pathNodes() { return state.pathNodes; },

    // -- mouse-only controls: elements that look clickable (pointer cursor) and are not in the tab order,
    // not inside or around something that is; Python asks the browser which of them listen to clicks.
    clickCandidates() {
      const FOCUSABLE = "a[href], area[href], button, input, select, textarea, summary, iframe, label, [tabindex], [contenteditable]";
      const reachable = (n) => n.matches(FOCUSABLE) && (n.tabIndex >= 0 || n.localName === "label") && !n.disabled;
      const out = [];
      state.clickEls = [];
      const vp = viewport();
      let seen = 0;
      for (const el of (document.body ? document.body.querySelectorAll("*") : [])) {
        if (++seen > LIM.elements || out.length >= LIM.click) break;
        if (el.namespaceURI !== XHTML && el.localName !== "svg") continue;
        const cs = getComputedStyle(el);
        if (cs.cursor !== "pointer") continue;
        const parent = el.parentElement;
        if (parent && parent !== document.body && getComputedStyle(parent).cursor === "pointer" && !el.hasAttribute("onclick")) continue;
        if (reachable(el) || el.closest("[inert]")) continue;
        let inside = false;
        for (let a = parent; a && !inside; a = a.parentElement) inside = reachable(a);
        if (inside || Array.from(el.querySelectorAll(FOCUSABLE)).some(reachable)) continue;
        const r = el.getBoundingClientRect();
        if (area(r) < 16 || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        if (r.width >= vp.width * 0.9 && r.height >= vp.height * 0.9) continue;  // a backdrop or the whole page
        state.clickEls.push(el);
        out.push({ selector: cssPath(el), name: nameOf(el), tag: el.localName,
                   onclick: el.hasAttribute("onclick") || typeof el.onclick === "function",
                   delegated: jqueryDelegated(el) ? "jQuery" : "" });
      }
      return out;
    },
    clickElements() { return state.clickEls; },

    // -- content shown on hover: triggers from style rules "X:hover Y" that show another element, and
    // elements Python found listening to mouseenter/mouseover
    hoverCandidates() {
      const triggers = new Set();
      const SHOWS = ["display", "visibility", "opacity", "left", "right", "top", "clip", "clip-path", "max-height", "height", "transform"];
      let seen = 0;
      const walk = (rules) => {
        for (const rule of rules) {
          if (++seen > LIM.hoverRules || triggers.size >= LIM.hoverTriggers) return;
          if (rule.cssRules && !rule.selectorText) { walk(rule.cssRules); continue; }
          if (!rule.selectorText || !rule.selectorText.includes(":hover") || !SHOWS.some((p) => rule.style.getPropertyValue(p))) continue;
          for (const part of rule.selectorText.split(/,(?![^(]*\))/)) {
            const at = part.lastIndexOf(":hover");
            if (at < 0) continue;
            const rest = part.slice(at + 6);
            const end = rest.search(/[\s>+~]/);
            if (end < 0 || !rest.slice(end).trim()) continue;  // the hovered element itself changes: not other content
            const trigger = (part.slice(0, at) + rest.slice(0, end)).replace(/:hover/g, "").trim();
            if (!trigger) continue;
            let found = [];
            try { found = Array.from(document.querySelectorAll(trigger)); } catch (e) { found = []; }
            let kept = 0;
            for (const el of found) {
              if (kept >= LIM.hoverPerRule || triggers.size >= LIM.hoverTriggers) break;
              if (el === document.body || el === document.documentElement || !boxOf(el) ||
                  !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
              if (!triggers.has(el)) { triggers.add(el); kept += 1; }
            }
          }
        }
      };
      for (const sheet of Array.from(document.styleSheets)) {
        let rules = null;
        try { rules = sheet.cssRules; } catch (e) { rules = null; }  // another origin
        if (rules) walk(rules);
      }
      state.hoverEls = Array.from(triggers);
      state.jsHover = Array.from(document.querySelectorAll(
        "[aria-describedby], [aria-haspopup], [data-tooltip], [data-toggle], [data-bs-toggle], [data-tippy-content], [title]"))
        .filter((el) => !triggers.has(el) && boxOf(el)).slice(0, LIM.jsHover);
      return state.hoverEls.length;
    },
    jsHoverElements() { return state.jsHover; },
    addHoverTrigger(index) {
      const el = state.jsHover[index];
      if (el && state.hoverEls.length < LIM.hoverTriggers && !state.hoverEls.includes(el)) state.hoverEls.push(el);
      return state.hoverEls.length;
    },
    // scroll trigger i into view, remember what is visible, and say where to put the mouse
    prepareHover(i) {
      const el = state.hoverEls[i];
      if (!el || !el.isConnected) return null;
      el.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
      state.before = new Set();
      let seen = 0;
      for (const n of document.body.querySelectorAll("*")) {
        if (++seen > LIM.elements) break;
        if (n.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && n.getClientRects().length) state.before.add(n);
      }
      const box = intersect(boxOf(el) || rect(0, 0, 0, 0), viewport());
      if (!box) return null;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, selector: cssPath(el) };
    },
    // what became visible since prepareHover: the outermost new elements with text or images
    revealed(i) {
      const trigger = state.hoverEls[i];
      const fresh = new Set();
      let seen = 0;
      for (const n of document.body.querySelectorAll("*")) {
        if (++seen > LIM.elements) break;
        if (!state.before.has(n) && n.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && n.getClientRects().length) fresh.add(n);
      }
      state.revealed = Array.from(fresh).filter((n) => !fresh.has(n.parentElement) && (clean(n.innerText) || n.querySelector("img, svg")))
        .slice(0, 3);
      const vp = viewport();
      return state.revealed.map((n) => {
        let positioned = false;
        for (let a = n; a && a !== document.body && !a.contains(trigger); a = a.parentElement) {
          const p = getComputedStyle(a).position;
          if (p === "absolute" || p === "fixed") positioned = true;
        }
        // does it cover other content (text or an image painted under it)?
        let covers = false;
        const box = intersect(n.getBoundingClientRect(), vp);
        if (box) {
          for (const fx of [0.15, 0.5, 0.85]) {
            for (const fy of [0.15, 0.5, 0.85]) {
              for (const under of document.elementsFromPoint(box.left + box.width * fx, box.top + box.height * fy)) {
                if (n.contains(under) || under.contains(n) || under === trigger || trigger.contains(under)) continue;
                if (/^(img|svg|video|canvas|input|select|textarea|button)$/.test(under.localName) ||
                    Array.from(under.childNodes).some((c) => c.nodeType === 3 && /\S/.test(c.data))) covers = true;
                break;
              }
            }
          }
        }
        return { selector: cssPath(n), text: cut(clean(n.innerText), 120), positioned, covers };
      });
    },
    stillShown() {
      return state.revealed.map((n) => n.isConnected && n.checkVisibility({ visibilityProperty: true, opacityProperty: true }) &&
                                         n.getClientRects().length > 0);
    },

    // -- text layout: which texts are cut off by their box, and which overlap other text
    layout() {
      if (!state.texts) {
        state.texts = [];
        const SKIP = "script, style, noscript, template, textarea, select, option, svg, [aria-hidden=true]";
        const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n && state.texts.length < LIM.texts; n = walker.nextNode()) {
          if (!/[\p{L}\p{N}]/u.test(n.data) || !n.parentElement || n.parentElement.closest(SKIP)) continue;
          state.texts.push(n);
        }
      }
      const sx = window.scrollX, sy = window.scrollY;
      const regions = new Map();
      const items = [];
      const lines = [];
      state.texts.forEach((node, i) => {
        const owner = node.parentElement;
        if (!node.isConnected || !owner.checkVisibility({ visibilityProperty: true, opacityProperty: true })) { items.push(null); return; }
        const range = document.createRange();
        range.selectNodeContents(node);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 1 && r.height > 1);
        if (!rects.length) { items.push(null); return; }
        if (!regions.has(owner)) {
          const nearest = clippers(owner, true)[0];
          const scrolls = nearest && !HIDING(nearest[1].overflowX) && !HIDING(nearest[1].overflowY);
          const region = clipRegion(owner, true, true);
          // text in a scroll container can be scrolled to; text in a box of a pixel or two is
          // visually hidden on purpose (for screen readers): neither is text cut off
          const tiny = region.right - region.left <= 2 || region.bottom - region.top <= 2;
          regions.set(owner, scrolls || tiny ? null : region);
        }
        const region = regions.get(owner);
        if (!region) { items.push(null); return; }
        let partX = false, cutY = false, halfY = false;
        for (const r of rects) {
          const seen = intersect(r, region);
          if (!seen) {  // wholly outside: below or above the box is cut off; beside it, it may be a carousel's next card
            if (r.top >= region.bottom - 1 || r.bottom <= region.top + 1) cutY = true;
            continue;
          }
          if (r.left < region.left - 2 || r.right > region.right + 2) partX = true;
          if (r.top < region.top - 2 || r.bottom > region.bottom + 2) cutY = true;
          if (seen.height < 0.75 * r.height) halfY = true;  // a line of which a quarter or more is cut away
          if (lines.length < LIM.lines) lines.push({ i, r: rect(seen.left + sx, seen.top + sy, seen.right + sx, seen.bottom + sy) });
        }
        // cut: a line runs over the edge of the box that clips it, or lies wholly below or above it
        items.push({ cutX: partX && getComputedStyle(owner).textOverflow !== "ellipsis", cutY, halfY });
      });
      // text lines of different elements that overlap (sweep over lines sorted by top)
      lines.sort((a, b) => a.r.top - b.r.top);
      const pairs = new Set();
      for (let k = 0; k < lines.length && pairs.size < LIM.pairs; k++) {
        const a = lines[k];
        for (let m = k + 1; m < lines.length && lines[m].r.top < a.r.bottom; m++) {
          const b = lines[m];
          if (a.i === b.i) continue;
          const oa = state.texts[a.i].parentElement, ob = state.texts[b.i].parentElement;
          if (oa === ob) continue;
          const both = intersect(a.r, b.r);
          if (!both) continue;
          const small = Math.min(area(a.r), area(b.r));
          if (area(both) >= 0.3 * small && both.height >= 0.3 * Math.min(a.r.height, b.r.height)) {
            pairs.add(Math.min(a.i, b.i) + ":" + Math.max(a.i, b.i));
          }
        }
      }
      return { items, pairs: Array.from(pairs) };
    },
    baseline() { state.baseline = api.layout(); return state.baseline.items.filter(Boolean).length; },
    // texts cut off or overlapping now that were not in the baseline; ``vertical``: only cuts at the top or bottom,
    // and lines cut through (a quarter or more of their height away) also when they were so in the baseline
    newlyBroken(vertical) {
      const now = api.layout();
      const base = state.baseline;
      const out = [];
      const owners = new Set();
      const add = (i, how, other) => {
        const owner = state.texts[i].parentElement;
        if (owners.has(owner) || out.length >= LIM.kept) return;
        owners.add(owner);
        out.push({ selector: cssPath(owner), text: cut(clean(state.texts[i].data), 80), how,
                   other: other === undefined ? "" : cssPath(state.texts[other].parentElement),
                   link: how === "cut" ? linkBeside(owner) : "" });
      };
      now.items.forEach((item, i) => {
        const was = base.items[i];
        if (!item || !was) return;
        if ((item.cutY && !was.cutY) || (vertical && item.halfY) || (!vertical && item.cutX && !was.cutX)) add(i, "cut");
      });
      const before = new Set(base.pairs);
      for (const pair of now.pairs) {
        if (before.has(pair)) continue;
        const [a, b] = pair.split(":").map(Number);
        if (base.items[a] && base.items[b]) add(a, "overlap", b);
      }
      return out;
    },
    setSpacing(on) {
      let style = document.getElementById("__a11y-audit-spacing");
      if (on && !style) {
        style = document.createElement("style");
        style.id = "__a11y-audit-spacing";
        // the values of WCAG 1.4.12
        style.textContent = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }" +
                            " p { margin-bottom: 2em !important; }";
        (document.head || document.documentElement).appendChild(style);
      } else if (!on && style) {
        style.remove();
      }
    },

    // -- character key shortcuts (WCAG 2.1.4): with focus on the page itself, each printable key is sent as
    // keydown, keypress and keyup to the body, in this one task: what changes at once is the page's reaction
    // to that key (timers and animations cannot run in between). Keys that are not characters go first;
    // what they change is left out (scripts that note keyboard use on any key). Stops at the first key the
    // page reacts to: it is not a way to use the page.
    shortcuts() {
      const body = document.body;
      if (!body) return null;
      if (document.activeElement && document.activeElement !== body && document.activeElement.blur) document.activeElement.blur();
      const onPage = () => { const a = document.activeElement; return !a || a === body || a === document.documentElement; };
      if (!onPage()) return null;
      const observer = new MutationObserver(() => {});
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      const sig = (r) => r.type + "|" + idOf(r.type === "characterData" ? r.target.parentNode || r.target : r.target) + "|" + (r.attributeName || "");
      const QUIET = /^(script|style|link|meta|noscript|template)$/;
      const quiet = (r) => r.type === "childList" && [...r.addedNodes, ...r.removedNodes].every((n) =>
        (n.nodeType === 1 && QUIET.test(n.localName)) || (n.nodeType === 3 && !/\S/.test(n.data)));
      const send = (key) => {
        const code = key.length !== 1 ? 0 : /[a-z0-9]/i.test(key) ? key.toUpperCase().charCodeAt(0) : KEYCODES[key] || 0;
        for (const type of key.length === 1 ? ["keydown", "keypress", "keyup"] : ["keydown", "keyup"]) {
          const charCode = type === "keypress" ? key.charCodeAt(0) : 0;
          body.dispatchEvent(new KeyboardEvent(type, { key, keyCode: type === "keypress" ? charCode : code, which: code || charCode,
                                                        charCode, bubbles: true, cancelable: true, composed: true, view: window }));
        }
      };
      const ignored = new Set();
      try {
        observer.takeRecords();
        for (const key of ["Shift", "Tab", "F2", "ArrowDown"]) {
          send(key);
          for (const r of observer.takeRecords()) ignored.add(sig(r));
        }
        if (!onPage()) return null;
        const x = window.scrollX, y = window.scrollY, href = location.href;
        for (const key of PRINTABLE) {
          send(key);
          const records = observer.takeRecords().filter((r) => !ignored.has(sig(r)) && !quiet(r));
          let reaction = "", target = null;
          if (!onPage()) { reaction = "focus"; target = document.activeElement; }
          else if (location.href !== href) reaction = "navigation";
          else if (window.scrollX !== x || window.scrollY !== y) reaction = "scroll";
          else if (records.some((r) => r.type !== "attributes")) {
            reaction = "content";
            target = records.find((r) => r.type !== "attributes").target;
          } else if (records.length) { reaction = "attributes"; target = records[0].target; }
          if (!reaction) continue;
          if (target && target.nodeType !== 1) target = target.parentElement;
          const text = cut(clean(body.innerText), LIM.adviceText);
          const off = /.{0,40}\b(short ?cuts?|hot ?keys?|keyboard|sneltoets(en)?|toetsenbord|toetscombinaties?)\b.{0,40}/i.exec(text);
          return { key, reaction, selector: target && target !== body ? cssPath(target) : "", off_switch: off ? clean(off[0]) : "" };
        }
        return null;
      } finally {
        observer.disconnect();
      }
    },

    // -- motion actuation (WCAG 2.5.4): device orientation and motion events sent to the window in one task;
    // what changes at once is the page's reaction to moving the device
    motion() {
      const observer = new MutationObserver(() => {});
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      const x = window.scrollX, y = window.scrollY;
      const records = [];
      let event = "";
      try {
        for (const [type, make] of MOTIONS) {
          let sent = null;
          try { sent = make(); } catch (e) { sent = null; }  // a browser without the event type
          if (!sent) continue;
          window.dispatchEvent(sent);
          const now = observer.takeRecords();
          if (now.length && !event) event = type;
          records.push(...now);
        }
      } finally {
        observer.disconnect();
      }
      const scrolled = window.scrollX !== x || window.scrollY !== y;
      if (!records.length && !scrolled) return null;
      const shown = records.find((r) => r.type !== "attributes" || !/^(style|class)$/.test(r.attributeName));
      let target = (shown || records[0] || {}).target || null;
      if (target && target.nodeType !== 1) target = target.parentElement;
      // what a person could use instead (to make the same change, or to turn motion off)
      const controls = [];
      let operable = false;
      for (const el of document.querySelectorAll(CONTROLS)) {
        if (el.disabled || el.closest("[inert]") || !el.checkVisibility({ visibilityProperty: true }) || !el.getClientRects().length) continue;
        const kind = activationOf(el);  // a field, link or check box works by itself; a button only by its listeners
        if (kind === "none" || kind === "acts" || (el.localName === "input" && /^(checkbox|radio)$/.test(el.type))) {
          operable = true;
          break;
        }
        if (controls.length < LIM.controls) controls.push(el);
      }
      return { event: event || "deviceorientation", content: !!shown || scrolled, selector: target && target !== document.body ? cssPath(target) : "",
               operable, controls: operable ? [] : api.paths(controls).map(({ el, path }) => ({ kind: activationOf(el), path })) };
    },

    // -- reflow: at a narrow viewport, does text run off the right edge (so the page scrolls sideways)?
    reflow() {
      window.scrollTo({ left: 0, top: 0, behavior: "instant" });
      const root = document.documentElement;
      const width = root.clientWidth;
      const scroll = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0);
      const hidden = [root, document.body].some((n) => n && HIDING(getComputedStyle(n).overflowX));
      const result = { width: scroll, viewport: width, overflow: [] };
      if (scroll <= width + 2 && !hidden) return result;
      // content that may need two dimensions: WCAG 1.4.10 allows it to scroll
      const EXEMPT = "table, pre, code, kbd, samp, img, picture, svg, canvas, video, audio, iframe, object, embed, math, map, " +
                     "[role=img], [role=application], [role=grid], [role=toolbar], [role=table]";
      const culprits = new Set();
      for (const node of state.texts || []) {
        if (culprits.size >= LIM.overflow) break;
        const owner = node.parentElement;
        if (!node.isConnected || owner.closest(EXEMPT) || !owner.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const region = clipRegion(owner, true, false);
        const over = Array.from(range.getClientRects()).filter((r) => r.width > 1 && r.left < width - 1 && r.right > width + 1 &&
                                                                     region.right > width + 1);
        if (!over.length) continue;
        let wide = owner;  // the outermost element that is wider than the viewport
        for (let a = owner.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
          if (a.getBoundingClientRect().right > width + 1) wide = a;
        }
        if (!culprits.has(wide)) {
          culprits.add(wide);
          result.overflow.push({ selector: cssPath(wide), text: cut(clean(node.data), 80),
                                 right: Math.round(Math.max(...over.map((r) => r.right))) });
        }
      }
      return result;
    },
  };
  Object.defineProperty(window, "__a11yAuditInteract", { value: api, configurable: true });
})()
