// Page facts for a11y-audit's own checks, gathered in the page after axe-core ran.
// Returns plain JSON. Accessible names come from axe-core's own implementation
// of the accessible name computation when axe is present.
(limits) => {
  const MAX_TEXT = limits.maxText;
  //#include common.js

  let axeReady = false;
  if (window.axe && axe.setup && axe.commons) {
    try { axe.setup(document); axeReady = true; } catch (e) { axeReady = false; }
  }
  const accName = (el) => {
    if (axeReady) {
      try {
        const vnode = axe.utils.getNodeFromTree(el);
        if (vnode) return clean(axe.commons.text.accessibleTextVirtual(vnode));
      } catch (e) { /* fall through */ }
    }
    return clean(el.getAttribute("aria-label") || el.innerText || el.getAttribute("title") || "");
  };

  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none";
  };

  const SCOPING = "article, aside, main, nav, section";
  const roleOf = (el) => {
    const explicit = (el.getAttribute("role") || "").trim().split(/\s+/)[0];
    if (explicit) return explicit;
    switch (el.localName) {
      case "header": return el.parentElement && el.parentElement.closest(SCOPING) ? "" : "banner";
      case "footer": return el.parentElement && el.parentElement.closest(SCOPING) ? "" : "contentinfo";
      case "nav": return "navigation";
      case "main": return "main";
      case "aside": return "complementary";
      case "search": return "search";
      case "form": return el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby") ? "form" : "";
      case "section": return el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby") ? "region" : "";
      default: return "";
    }
  };
  const LANDMARKS = new Set(["banner", "navigation", "main", "contentinfo", "complementary", "search", "form", "region"]);
  const regionOf = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const role = roleOf(node);
      if (LANDMARKS.has(role)) return role;
    }
    return "";
  };
  const langOf = (el) => {
    const holder = el.closest("[lang]");
    return holder ? holder.getAttribute("lang") : "";
  };

  // the nearest landmark element of an element and its selector (memoised: links share a few landmarks)
  const landmarkSelectors = new Map();
  const landmarkOf = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      if (LANDMARKS.has(roleOf(node))) {
        if (!landmarkSelectors.has(node)) landmarkSelectors.set(node, cssPath(node));
        return landmarkSelectors.get(node);
      }
    }
    return "";
  };

  const landmarks = [];
  for (const el of document.querySelectorAll("header, footer, nav, main, aside, search, form, section, [role]")) {
    const role = roleOf(el);
    if (LANDMARKS.has(role) && visible(el)) {
      landmarks.push({ role, name: accName(el), selector: cssPath(el), parent: el.parentElement ? regionOf(el.parentElement) : "" });
    }
  }

  // <h2 role="none"> or <h1 role="tab"> is no heading for assistive technology (axe-core's role, with its
  // conflict resolution: a global ARIA attribute keeps the heading)
  const isHeading = (el) => {
    if (!axeReady) return true;
    try { return axe.commons.aria.getRole(el) === "heading"; } catch (e) { return true; }
  };
  // text a heading shows through CSS generated content, which axe-core's accessible name leaves out
  const cssText = (el) => [el, ...Array.from(el.querySelectorAll("*")).slice(0, 20)].some((n) =>
    ["::before", "::after"].some((pseudo) => /[\p{L}\p{N}]/u.test((getComputedStyle(n, pseudo).content || "").replace(/^(none|normal)$/, ""))));
  const headings = [];
  const namedHeadings = [];  // heading elements with a name, in document order (the context of links)
  for (const el of document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")) {
    if (!visible(el) || el.closest("[aria-hidden=true]") || !isHeading(el)) continue;
    const level = el.getAttribute("role") === "heading"
      ? parseInt(el.getAttribute("aria-level") || "2", 10)
      : parseInt(el.localName.slice(1), 10);
    const text = cut(accName(el), 300);
    if (text) namedHeadings.push(el);
    headings.push({ level, text, selector: cssPath(el), css_text: !text && cssText(el) });
  }

  const links = [];
  const linkEls = [];
  for (const el of document.querySelectorAll("a[href], area[href]")) {
    if (links.length >= limits.maxLinks) break;
    let href = el.href || "";
    if (typeof href !== "string") {  // an <a> in inline SVG: SVGAnimatedString
      try { href = el.href.baseVal ? new URL(el.href.baseVal, document.baseURI).href : ""; } catch (e) { href = ""; }
    }
    links.push({
      href,
      name: cut(accName(el), 300),
      text: cut(clean(el.innerText || el.textContent), 300),
      selector: cssPath(el),
      region: regionOf(el),
      lang: langOf(el),
      landmark: landmarkOf(el),
    });
    linkEls.push(el);
  }

  const images = [];
  for (const el of document.querySelectorAll("img")) {
    if (images.length >= limits.maxImages) break;
    images.push({
      src: el.currentSrc || el.src || "",
      alt: el.hasAttribute("alt") ? el.getAttribute("alt") : null,
      selector: cssPath(el),
      role: el.getAttribute("role") || "",
    });
  }

  const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, td, th, dd, dt, blockquote, figcaption, caption";
  const text_blocks = [];
  const blockEls = [];  // the elements of text_blocks, for placing loose text among them
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (text_blocks.length >= limits.maxBlocks) break;
    if (el.querySelector("p, li, td, dd, blockquote") || !visible(el)) continue;
    const text = clean(el.innerText);
    if (!text) continue;
    text_blocks.push({ tag: el.localName, text: cut(text, MAX_TEXT), lang: langOf(el), region: regionOf(el), selector: cssPath(el) });
    blockEls.push(el);
  }

  // Loose text: running text that is not in any text block (bare text in a div or section, as
  // some CMSes write it), with its place among the text blocks ("before": index of the next block).
  const INLINE = new Set(["a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"]);
  const NO_TEXT = "script, style, noscript, template, textarea, select, option, button, svg, [aria-hidden=true]";
  const blockSet = new Set(blockEls);
  const inBlock = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) if (blockSet.has(node)) return true;
    return false;
  };
  const inlineText = (el) => {
    let out = "";
    for (const child of el.childNodes) {
      if (child.nodeType === 3) out += child.nodeValue;
      else if (child.nodeType === 1) out += INLINE.has(child.localName) && child.localName !== "br" ? inlineText(child) : " ";
    }
    return out;
  };
  // the runs of text directly in an element, split where a block child (h2, ul, div...) comes between
  const ownRuns = (el) => {
    const runs = [];
    let text = "", anchor = null;
    for (const child of el.childNodes) {
      if (child.nodeType === 1 && !INLINE.has(child.localName)) {
        if (anchor) runs.push({ text, anchor });
        text = ""; anchor = null;
      } else if (child.nodeType === 3 || child.nodeType === 1) {
        text += child.nodeType === 3 ? child.nodeValue : (child.localName === "br" ? " " : inlineText(child));
        anchor = anchor || child;
      }
    }
    if (anchor) runs.push({ text, anchor });
    return runs;
  };
  const placeOf = (node) => {  // index of the first text block at or after node in document order
    let lo = 0, hi = blockEls.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (node.compareDocumentPosition(blockEls[mid]) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const loose_text = [];
  const holders = new Set();
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && loose_text.length < (limits.maxLoose || 500); node = walker.nextNode()) {
    if (!node.nodeValue.trim()) continue;
    let holder = node.parentElement;
    while (holder && INLINE.has(holder.localName) && holder.parentElement) holder = holder.parentElement;
    if (!holder || holders.has(holder)) continue;
    holders.add(holder);
    if (inBlock(holder) || holder.closest(NO_TEXT) || !visible(holder)) continue;
    const region = regionOf(holder), selector = cssPath(holder);
    for (const run of ownRuns(holder)) {
      const text = clean(run.text);
      if (text.replace(/[\s\W_]+/g, "").length < 2 || loose_text.length >= (limits.maxLoose || 500)) continue;
      loose_text.push({ text: cut(text, MAX_TEXT), tag: holder.localName, region, selector, before: placeOf(run.anchor) });
    }
  }

  // The context of links with a short name ("Lees meer", "Download"), for WCAG 2.4.4: the text of their
  // paragraph, list item or table cell (with its row and the table's header cells), else of the run of inline
  // text they are in; their description and title; and whether a heading comes before them.
  const CONTEXT_BLOCKS = "p, li, td, th, dd, dt, blockquote, figcaption, caption, h1, h2, h3, h4, h5, h6, " +
    "[role=listitem], [role=cell], [role=gridcell], [role=heading]";
  const runAround = (el) => {  // the inline text (between block children) of el's nearest block ancestor that holds el
    let container = el.parentElement;
    while (container && INLINE.has(container.localName) && container.parentElement) container = container.parentElement;
    if (!container) return "";
    let text = "", holds = false;
    for (const child of container.childNodes) {
      if (child.nodeType === 1 && !INLINE.has(child.localName) && !child.contains(el)) {
        if (holds) break;
        text = "";
      } else if (child.nodeType === 3 || child.nodeType === 1) {
        text += " " + (child.nodeType === 3 ? child.nodeValue : (child.contains(el) && !INLINE.has(child.localName) ? el.textContent : inlineText(child)));
        holds = holds || child === el || (child.nodeType === 1 && child.contains(el));
      }
    }
    return text;
  };
  const contextOf = (el) => {
    const block = el.parentElement && el.parentElement.closest(CONTEXT_BLOCKS);
    let text = "";
    if (block) {
      const row = /^(td|th)$/.test(block.localName) ? block.closest("tr") : null;
      text = (row || block).innerText || "";
      const table = row && row.closest("table");
      if (table) text += " " + Array.from(table.querySelectorAll("th")).slice(0, 30).map((th) => th.innerText).join(" ");
    } else {
      text = runAround(el);
    }
    const described = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean)
      .map((id) => document.getElementById(id)).filter(Boolean).map((n) => n.textContent).join(" ");
    return cut(clean([text, described, el.getAttribute("title") || ""].join(" ")), 300);
  };
  linkEls.forEach((el, i) => {
    if (links[i].name.split(" ").length > 4) return;
    links[i].context = contextOf(el);
    links[i].heading_before = namedHeadings.length > 0 &&
      !!(namedHeadings[0].compareDocumentPosition(el) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY));
  });

  // Elements whose lang attribute changes the language (WCAG 3.1.2), with their own text: without what is
  // hidden and without the parts inside them that have a lang attribute of their own.
  const primaryLang = (tag) => (tag || "").trim().replace(/_/g, "-").split("-")[0].toLowerCase();
  const ownLangText = (el, out) => {
    for (const child of el.childNodes) {
      if (out.chars > MAX_TEXT) break;
      if (child.nodeType === 3) { out.parts.push(child.nodeValue); out.chars += child.nodeValue.length; continue; }
      if (child.nodeType !== 1 || child.hasAttribute("lang") || child.matches(NO_TEXT)) continue;
      const style = getComputedStyle(child);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const block = !INLINE.has(child.localName);
      if (block) out.parts.push(" ");
      ownLangText(child, out);
      if (block) out.parts.push(" ");
    }
    return out;
  };
  blockEls.forEach((el, i) => {
    if (el.querySelector("[lang]")) text_blocks[i].lang_text = cut(clean(ownLangText(el, { parts: [], chars: 0 }).parts.join("")), MAX_TEXT);
  });
  const lang_parts = [];
  for (const el of document.querySelectorAll("body [lang], body[lang]")) {
    if (lang_parts.length >= 200) break;
    const lang = primaryLang(el.getAttribute("lang"));
    if (!lang || lang === primaryLang(el.parentElement ? langOf(el.parentElement) : "")) continue;
    if (!visible(el) || el.closest("[aria-hidden=true]")) continue;
    const text = clean(ownLangText(el, { parts: [], chars: 0 }).parts.join(""));
    if (text.length < 20) continue;
    lang_parts.push({ tag: el.localName, lang: el.getAttribute("lang"), text: cut(text, MAX_TEXT), selector: cssPath(el) });
  }

  // Form fields with their accessible name (WCAG 2.4.6: labels that say nothing about the field).
  const form_fields = [];
  for (const el of document.querySelectorAll("input, select, textarea, [role=textbox], [role=combobox], [role=searchbox], [role=spinbutton]")) {
    if (form_fields.length >= 300) break;
    const type = el.localName === "input" ? (el.getAttribute("type") || "text").toLowerCase() : "";
    if (/^(hidden|submit|reset|button|image)$/.test(type) || el.disabled || !visible(el) || el.closest("[aria-hidden=true]")) continue;
    form_fields.push({ tag: el.localName, type, name: cut(accName(el), 200), selector: cssPath(el) });
  }

  // The first focusable elements in tab order (positive tabindex first), for skip links.
  const FOCUSABLE = "a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable=true], audio[controls], video[controls]";
  const focusable = (el) => {
    if (el.disabled || (el.localName === "input" && el.type === "hidden") || el.closest("[inert]")) return false;
    const tabindex = el.getAttribute("tabindex");
    if (tabindex !== null && tabindex.trim() !== "" && parseInt(tabindex, 10) < 0) return false;
    return visible(el);
  };
  const here = location.href.split("#")[0];
  const mainEl = document.querySelector("main, [role=main]");
  const describe = (el) => {
    const item = { tag: el.localName, name: cut(accName(el), 200), href: el.href && typeof el.href === "string" ? el.href : "", selector: cssPath(el) };
    if (item.href && item.href.split("#")[0] === here && item.href.includes("#")) {
      let fragment = item.href.slice(item.href.indexOf("#") + 1);
      try { fragment = decodeURIComponent(fragment); } catch (e) { /* keep as written */ }
      item.fragment = fragment;
      const target = fragment ? (document.getElementById(fragment) || document.getElementsByName(fragment)[0] || null) : null;
      item.target_exists = !!target;
      item.target_in_main = target ? !!mainEl && (mainEl.contains(target) || target.contains(mainEl)) : null;
    }
    return item;
  };
  const MAX_FOCUSABLES = 8;  // cookie banners often come before the skip link
  const positive = Array.from(document.querySelectorAll("[tabindex]"))
    .filter((el) => parseInt(el.getAttribute("tabindex"), 10) > 0 && focusable(el))
    .sort((a, b) => parseInt(a.getAttribute("tabindex"), 10) - parseInt(b.getAttribute("tabindex"), 10));
  const ordered = positive.slice(0, MAX_FOCUSABLES);
  for (const el of document.querySelectorAll(FOCUSABLE)) {
    if (ordered.length >= MAX_FOCUSABLES) break;
    if (!ordered.includes(el) && focusable(el)) ordered.push(el);
  }
  const focusables = ordered.map(describe);

  // Search facilities: role=search or <search>, forms with a search input or an input named or labelled "search".
  const SEARCH_HINT = /(^|[^a-z])(zoek|search|recherch)|trefwoord|keyword|^(q|s|query|k|keys|term)$/i;
  const search_forms = [];
  const searchRoots = new Set();
  for (const el of document.querySelectorAll("[role=search], search")) {
    if (search_forms.length >= 20) break;
    searchRoots.add(el);
    search_forms.push({ selector: cssPath(el), how: "role" });
  }
  const insideSearch = (el) => Array.from(searchRoots).some((root) => root.contains(el));
  for (const input of document.querySelectorAll("input:not([type]), input[type=text], input[type=search]")) {
    if (search_forms.length >= 20) break;
    const holder = input.form || input;
    if (insideSearch(holder) || searchRoots.has(holder)) continue;
    let how = "";
    if (input.type === "search") how = "type";
    else {
      const hints = [input.name, input.id, input.getAttribute("placeholder"), input.getAttribute("aria-label"),
        input.getAttribute("title"), input.labels && input.labels.length ? input.labels[0].innerText : "", holder.getAttribute && holder.getAttribute("action")];
      if (hints.some((h) => h && SEARCH_HINT.test(String(h).trim().split(/[/?#]/).filter(Boolean).pop() || ""))) how = "hint";
    }
    if (!how) continue;
    searchRoots.add(holder);
    search_forms.push({ selector: cssPath(holder), how });
  }
  // a button that opens a search panel whose form is only added on click
  for (const button of document.querySelectorAll("button, [role=button]")) {
    if (search_forms.length >= 20) break;
    if ((button.form && searchRoots.has(button.form)) || insideSearch(button)) continue;
    if (/^(zoek|zoeken|search|rechercher|recherche)\b/i.test(accName(button))) {
      search_forms.push({ selector: cssPath(button), how: "button" });
      break;
    }
  }

  // -- Facts for the checks that implement W3C ACT rules (checks/meta_refresh.py, text_spacing.py,
  // frames.py, decorative.py, orientation.py, contrast.py, focus_visible.py). Every part is bounded
  // and fails on its own: an error leaves that part empty and is reported in act_errors.
  const actFacts = (() => {
    const LIM = { meta: 10, spacing: 200, frames: 30, decorative: 100, orientationRules: 20000,
                  orientationElements: 20, contrast: 1500, contrastBands: 12, contrastKept: 300, focus: 60, focusKept: 60 };
    const XHTML = "http://www.w3.org/1999/xhtml";
    const errors = [];
    const part = (name, fn, empty) => {
      try { return fn(); } catch (e) { errors.push(name + ": " + String(e && e.message || e).slice(0, 200)); return empty; }
    };
    const isHtml = (el) => el && el.namespaceURI === XHTML;
    const shown = (el) => {
      if (!el.getClientRects().length) return false;
      if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
      return getComputedStyle(el).visibility === "visible";
    };
    const onPage = (rect) => rect.width > 0 && rect.height > 0 &&
      rect.right + window.scrollX > 0 && rect.bottom + window.scrollY > 0;
    const textRects = (node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return Array.from(range.getClientRects()).filter(onPage);
    };
    const visibleTextChildren = (el) => {
      if (!shown(el)) return [];
      return Array.from(el.childNodes).filter((n) => n.nodeType === 3 && /\S/.test(n.data) && textRects(n).length);
    };

    // ACT bc659a, bisz58: meta elements with http-equiv="refresh", in tree order (the first valid one counts).
    const meta_refresh = part("meta_refresh", () => {
      const out = [];
      for (const el of document.querySelectorAll("meta[http-equiv][content]")) {
        if (out.length >= LIM.meta) break;
        if ((el.getAttribute("http-equiv") || "").toLowerCase() !== "refresh") continue;
        out.push({ content: el.getAttribute("content"), selector: cssPath(el) });
      }
      return out;
    }, []);

    // ACT 24afc2, 9e45ec, 78fd32: spacing declared !important in a style attribute of an element with visible text.
    const text_spacing = part("text_spacing", () => {
      const out = [];
      const PROPS = ["letter-spacing", "word-spacing", "line-height"];
      const PASS_ON = new Set(["inherit", "unset", "revert", "revert-layer"]);
      for (const el of document.querySelectorAll("[style]")) {
        if (out.length >= LIM.spacing) break;
        if (!isHtml(el)) continue;
        const props = PROPS.filter((p) => el.style.getPropertyPriority(p) === "important" &&
                                          !PASS_ON.has(el.style.getPropertyValue(p).trim().toLowerCase()));
        if (!props.length) continue;
        const texts = visibleTextChildren(el);
        if (!texts.length) continue;
        const cs = getComputedStyle(el);
        const tops = new Set();
        for (const t of texts) for (const r of textRects(t)) tops.add(Math.round(r.top));
        for (const p of props) {
          const computed = cs.getPropertyValue(p).trim();
          let px = parseFloat(computed);
          if (computed === "normal") px = p === "line-height" ? null : 0;
          out.push({ selector: cssPath(el), property: p, declared: el.style.getPropertyValue(p).trim(),
                     computed_px: Number.isFinite(px) ? px : null, font_size_px: parseFloat(cs.fontSize) || 0,
                     lines: tops.size });
        }
      }
      return out;
    }, []);

    // ACT akn7bn: iframes taken out of the tab order that hold content in the tab order.
    const modal = part("modal", () => document.querySelector("dialog:modal"), null);
    const inert = (el) => !!el.closest("[inert]") || !!(modal && !modal.contains(el));
    const TABBABLE = "a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]";
    const frames_out_of_tab_order = part("frames", () => {
      const out = [];
      for (const frame of document.querySelectorAll("iframe[tabindex], frame[tabindex]")) {
        if (out.length >= LIM.frames) break;
        if (frame.tabIndex >= 0 || !shown(frame) || inert(frame)) continue;
        let focusable = null;
        try {
          const doc = frame.contentDocument;
          const win = frame.contentWindow;
          if (doc && win) {
            focusable = 0;
            for (const el of doc.querySelectorAll(TABBABLE)) {
              if (el.tabIndex < 0 || el.disabled || el.closest("[inert]")) continue;
              const rect = Array.from(el.getClientRects()).find((r) => r.width > 0 && r.height > 0 &&
                r.right > 0 && r.bottom > 0 && r.left < win.innerWidth && r.top < win.innerHeight);
              if (!rect || win.getComputedStyle(el).visibility !== "visible") continue;
              focusable += 1;
            }
          }
        } catch (e) { focusable = null; }  // another origin: its content cannot be read
        const box = frame.getBoundingClientRect();
        if (focusable === null && (box.width < 16 || box.height < 16)) continue;  // a pixel or tracking frame
        out.push({ selector: cssPath(frame), focusable });
      }
      return out;
    }, []);

    // ACT 46ca7f: elements marked decorative (role none/presentation, img alt="") that are exposed anyway.
    const decorative_exposed = part("decorative", () => {
      const out = [];
      if (!axeReady || !axe.commons.aria.getRole) return out;
      for (const el of document.querySelectorAll("[role], img[alt='']")) {
        if (out.length >= LIM.decorative) break;
        const vnode = axe.utils.getNodeFromTree(el);
        if (!vnode) continue;
        const explicit = axe.commons.aria.getExplicitRole(vnode);
        const marked = explicit === "none" || explicit === "presentation" ||
          (!explicit && el.localName === "img" && el.getAttribute("alt") === "");
        if (!marked || !axe.commons.dom.isVisibleToScreenReaders(vnode)) continue;
        const role = axe.commons.aria.getRole(vnode) || axe.commons.aria.getRole(vnode, { chromium: true });
        if (!role || role === "none" || role === "presentation" || role === "generic") continue;
        const global = axe.commons.standards.getGlobalAriaAttrs().filter((a) => el.hasAttribute(a));
        out.push({ selector: cssPath(el), role, tag: el.localName, global_aria: global,
                   focusable: axe.commons.dom.isFocusable(vnode) });
      }
      return out;
    }, []);

    // ACT b33eff: elements rotated by a transform that depends on the orientation media feature.
    const orientation_transforms = part("orientation", () => {
      const ORIENT = /\(\s*orientation\s*:\s*(portrait|landscape)\s*\)/i;
      const ROTATES = /\b(rotate|rotate3d|rotateZ|matrix|matrix3d)\s*\(/i;
      const mediaRules = [];
      const candidates = new Set();
      let seen = 0;
      const walk = (rules, oriented) => {
        for (const rule of rules) {
          if (++seen > LIM.orientationRules) return;
          if (rule.styleSheet && rule.media) {  // @import
            const hit = ORIENT.test(rule.media.mediaText);
            if (hit) mediaRules.push(rule);
            try { walk(rule.styleSheet.cssRules, oriented || hit); } catch (e) { /* another origin */ }
          } else if (rule.media && rule.cssRules) {
            const hit = ORIENT.test(rule.media.mediaText);
            if (hit) mediaRules.push(rule);
            walk(rule.cssRules, oriented || hit);
          } else if (rule.cssRules && !rule.selectorText) {
            walk(rule.cssRules, oriented);
          } else if (oriented && rule.style && rule.selectorText) {
            const t = rule.style.getPropertyValue("transform");
            const r = rule.style.getPropertyValue("rotate");
            if (ROTATES.test(t) || (r && r !== "none")) {
              let els = [];
              try { els = Array.from(document.querySelectorAll(rule.selectorText)); } catch (e) { els = []; }
              for (const el of els.slice(0, LIM.orientationElements)) if (isHtml(el)) candidates.add(el);
            }
          }
        }
      };
      for (const sheet of Array.from(document.styleSheets)) {
        let rules = null;
        try { rules = sheet.cssRules; } catch (e) { rules = null; }  // another origin
        if (rules) walk(rules, false);
      }
      const els = Array.from(candidates).filter((el) => el.getClientRects().length &&
                                                        getComputedStyle(el).visibility !== "hidden");
      if (!els.length) return [];
      const angle = (el) => {
        const cs = getComputedStyle(el);
        let deg = 0;
        if (cs.transform && cs.transform !== "none") {
          const m = new DOMMatrix(cs.transform);
          deg += Math.atan2(m.b, m.a) * 180 / Math.PI;
        }
        const rot = cs.rotate;
        if (rot && rot !== "none") {
          const parts = rot.trim().split(/\s+/);
          const last = parts[parts.length - 1];
          const m = new DOMMatrix(parts.length === 1 ? `rotate(${last})`
            : parts.length === 2 ? `rotate${parts[0].toUpperCase()}(${last})` : `rotate3d(${parts.join(",")})`);
          deg += Math.atan2(m.b, m.a) * 180 / Math.PI;
        }
        return deg;
      };
      const here = els.map(angle);
      const texts = mediaRules.map((r) => r.media.mediaText);
      try {
        mediaRules.forEach((r, i) => {
          r.media.mediaText = texts[i].replace(/portrait|landscape/gi, (w) => w.toLowerCase() === "portrait" ? "landscape" : "portrait");
        });
        const there = els.map(angle);
        return els.map((el, i) => ({ selector: cssPath(el), angle: Math.round((there[i] - here[i]) * 1000) / 1000 }));
      } finally {
        mediaRules.forEach((r, i) => { r.media.mediaText = texts[i]; });
      }
    }, []);

    // ACT 09o5cg: colours of visible text. Backgrounds are read from the elements painted under the text
    // (document.elementsFromPoint, band by band down the page); texts over images, gradients or filters are
    // left out. Only texts with a known ratio below 7:1 are kept (a text shadow is noted: it may help).
    const text_contrast = part("contrast", () => {
      const out = [];
      if (!document.body) return out;
      const ctx = document.createElement("canvas").getContext("2d");
      const RGBA = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/;
      const colour = (c) => {
        let m = RGBA.exec(c || "");
        if (!m && ctx) {
          ctx.fillStyle = "#010203";
          ctx.fillStyle = c;
          const n = ctx.fillStyle;
          if (n === "#010203" && !/^#010203$/i.test(c)) return null;
          if (n[0] === "#") return [parseInt(n.slice(1, 3), 16), parseInt(n.slice(3, 5), 16), parseInt(n.slice(5, 7), 16), 1];
          m = RGBA.exec(n);
        }
        if (!m) return null;
        const a = m[4] === undefined ? 1 : m[4].endsWith("%") ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
        return [+m[1], +m[2], +m[3], a];
      };
      const over = (top, below) => [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])).concat([1]);
      const lum = (c) => {
        const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
      const flatParent = (n) => n.assignedSlot || n.parentElement || (n.parentNode && n.parentNode.host) || null;
      const isAncestor = (a, n) => { for (let p = n; p; p = flatParent(p)) if (p === a) return true; return false; };
      const opacityOf = (n) => { let o = 1; for (let p = n; p; p = flatParent(p)) o *= parseFloat(getComputedStyle(p).opacity); return o; };
      const REPLACED = new Set(["img", "video", "canvas", "svg", "iframe", "object", "embed", "picture", "input", "textarea", "select"]);
      const SKIP = new Set(["script", "style", "noscript", "template", "title", "select", "option", "optgroup", "textarea"]);

      // labels and aria-labelledby texts of disabled widgets do not count (nor the text of the widgets)
      const disabledLabelIds = new Set();
      const disabledLabels = new Set();
      for (const w of document.querySelectorAll("[aria-disabled='true'], :disabled")) {
        for (const id of (w.getAttribute("aria-labelledby") || "").split(/\s+/)) if (id) disabledLabelIds.add(id);
        if (w.labels) for (const l of w.labels) disabledLabels.add(l);
      }
      const DISABLED = "[aria-disabled='true'], fieldset:disabled, button:disabled, input:disabled, select:disabled, textarea:disabled";
      const disabledText = (el) => {
        for (let n = el; n; n = flatParent(n)) {
          if (n.matches(DISABLED) || disabledLabels.has(n) || (n.id && disabledLabelIds.has(n.id))) return true;
        }
        return false;
      };

      const owners = new Map();
      const collect = (root) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
          acceptNode: (n) => (n.nodeType === 1 && SKIP.has(n.localName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        for (let n = walker.nextNode(); n && owners.size < LIM.contrast; n = walker.nextNode()) {
          if (n.nodeType === 1) { if (n.shadowRoot) collect(n.shadowRoot); continue; }
          if (!/[\p{L}\p{N}]/u.test(n.data)) continue;  // no letters or digits: not text in a human language
          const owner = n.parentNode && n.parentNode.nodeType === 11 ? n.parentNode.host : n.parentElement;
          if (owner && isHtml(owner) && !owners.has(owner)) owners.set(owner, n);
        }
      };
      collect(document.body);

      const items = [];
      for (const [el, text] of owners) {
        const rect = textRects(text)[0];
        if (!rect || !shown(el) || disabledText(el)) continue;
        items.push({ el, text, y: rect.top + window.scrollY });
      }
      items.sort((a, b) => a.y - b.y);
      const start = { x: window.scrollX, y: window.scrollY };
      const band = window.innerHeight;
      try {
        let bandTop = -1;
        let bands = 0;
        for (const item of items) {
          if (out.length >= LIM.contrastKept) break;
          if (bandTop < 0 || item.y >= bandTop + band - 20 || item.y < bandTop) {
            // a third down the viewport: below sticky headers
            if (++bands > LIM.contrastBands) break;
            bandTop = Math.max(0, item.y - band / 3);
            window.scrollTo({ left: 0, top: bandTop, behavior: "instant" });
            bandTop = window.scrollY;
          }
          const { el, text } = item;
          const r = textRects(text)[0];
          if (!r) continue;
          const x = r.left + Math.min(r.width / 2, 8);
          const y = r.top + r.height / 2;
          if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue;
          const root = el.getRootNode();
          const stack = (root.elementsFromPoint ? root : document).elementsFromPoint(x, y);
          const at = stack.indexOf(el);
          if (at < 0 || !stack.slice(0, at).every((n) => isAncestor(el, n))) continue;  // covered: not visible here
          const cs = getComputedStyle(el);
          let uncertain = cs.textShadow && cs.textShadow !== "none" ? "text-shadow" : "";
          const layers = [];
          let opaque = false;
          for (let k = at; k < stack.length && !opaque; k++) {
            const n = stack[k];
            const ns = getComputedStyle(n);
            if (n !== el && REPLACED.has(n.localName)) { uncertain = "image"; break; }
            if (ns.backgroundImage !== "none") { uncertain = "background-image"; break; }
            if ((ns.filter && ns.filter !== "none") || (ns.mixBlendMode && ns.mixBlendMode !== "normal") ||
                (ns.backdropFilter && ns.backdropFilter !== "none")) { uncertain = "filter"; break; }
            const bg = colour(ns.backgroundColor);
            if (!bg) { uncertain = "colour"; break; }
            if (bg[3] > 0) {
              const a = bg[3] * opacityOf(n);
              layers.push([bg[0], bg[1], bg[2], a]);
              if (a >= 1) opaque = true;
            }
          }
          let ratio = null;
          let fg = null;
          let bg = null;
          if (!uncertain || uncertain === "text-shadow") {
            bg = [255, 255, 255, 1];
            for (let k = layers.length - 1; k >= 0; k--) bg = over(layers[k], bg);
            const f = colour(cs.color);
            if (f) {
              fg = over([f[0], f[1], f[2], f[3] * opacityOf(el)], bg);
              const l1 = lum(fg);
              const l2 = lum(bg);
              ratio = Math.round(((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)) * 100) / 100;
            } else {
              uncertain = "colour";
            }
          }
          if (ratio === null || ratio < 1.01 || ratio >= 7.05) continue;  // unknown, invisible (1:1) or enough
          const size = parseFloat(cs.fontSize) || 0;
          const weight = parseInt(cs.fontWeight, 10) || 400;
          out.push({ selector: cssPath(el), text: cut(clean(text.data), 80), ratio, uncertain,
                     large: size >= 23.99 || (size >= 18.66 && weight >= 700),
                     fg: fg ? hex(fg) : "", bg: bg ? hex(bg) : "", font_size_px: size, bold: weight >= 700 });
        }
      } finally {
        window.scrollTo({ left: start.x, top: start.y, behavior: "instant" });
      }
      return out;
    }, []);

    // ACT oj04fd: elements in sequential focus order whose rendering does not change when they get focus.
    // Each is focused from script (focusVisible); the styles of the element, its ancestors, nearest siblings,
    // first descendants and pseudo-elements are compared, and any DOM change or any transition or animation
    // that starts counts as a change. Custom elements (their indicator may sit in a shadow root) are skipped.
    const focus = part("focus", () => {
      const result = { probed: 0, unchanged: [] };
      if (!document.body || !document.documentElement) return result;
      const FOCUSABLE = "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, " +
        "audio[controls], video[controls], [tabindex], [contenteditable]:not([contenteditable=false])";
      const candidates = [];
      for (const el of document.querySelectorAll(FOCUSABLE)) {
        if (candidates.length >= LIM.focus) break;
        if (!isHtml(el) || el.tabIndex < 0 || el.disabled || inert(el) || el.localName === "iframe") continue;
        if (el.localName.includes("-") || el.shadowRoot) continue;
        if (!el.getClientRects().length || getComputedStyle(el).visibility !== "visible") continue;
        candidates.push(el);
      }
      if (!candidates.length) return result;
      // what can change pixels; outline and border parts only count when they are drawn at all
      const PROPS = ["box-shadow", "background-color", "background-image", "color", "text-decoration-line",
        "text-decoration-color", "text-decoration-style", "text-shadow", "font-weight", "font-style", "opacity",
        "transform", "scale", "translate", "rotate", "filter", "visibility", "display", "position", "top", "left",
        "width", "height", "clip", "clip-path", "z-index", "fill", "stroke", "content", "background-position",
        "background-size", "border-radius", "text-decoration-thickness", "text-underline-offset", "font-size",
        "letter-spacing", "margin-top", "margin-left", "padding-top", "padding-left", "border-image-source"];
      const line = (cs, prefix) => {
        const style = cs.getPropertyValue(prefix + "-style");
        const width = cs.getPropertyValue(prefix + "-width");
        if (style === "none" || style === "hidden" || parseFloat(width) === 0) return "-";
        return [style, width, cs.getPropertyValue(prefix + "-color"),
                prefix === "outline" ? cs.getPropertyValue("outline-offset") : ""].join(" ");
      };
      const SIDES = ["outline", "border-top", "border-right", "border-bottom", "border-left"];
      const watched = (el) => {
        const list = [];
        for (let n = el; n && n.nodeType === 1; n = n.parentElement) list.push([n, null]);
        const sibs = [];
        for (let s = el.previousElementSibling, k = 0; s && k < 3; s = s.previousElementSibling, k++) sibs.push(s);
        for (let s = el.nextElementSibling, k = 0; s && k < 3; s = s.nextElementSibling, k++) sibs.push(s);
        for (const s of sibs) list.push([s, null], [s, "::before"], [s, "::after"]);
        for (const d of Array.from(el.querySelectorAll("*")).slice(0, 10)) list.push([d, null]);
        list.push([el, "::before"], [el, "::after"]);
        return list;
      };
      const styleOf = (n, pseudo) => {
        const cs = getComputedStyle(n, pseudo);
        return SIDES.map((side) => line(cs, side)).concat(PROPS.map((p) => cs.getPropertyValue(p))).join("|");
      };
      // without focus, read once per element: candidates share their ancestors and siblings
      const unfocused = new Map();
      const before = (list) => list.map(([n, pseudo]) => {
        const key = pseudo || "";
        let styles = unfocused.get(n);
        if (!styles) unfocused.set(n, styles = {});
        if (!(key in styles)) styles[key] = styleOf(n, pseudo);
        return styles[key];
      });
      const state = (list) => list.map(([n, pseudo]) => styleOf(n, pseudo));
      const start = { x: window.scrollX, y: window.scrollY, active: document.activeElement };
      const running = () => new Set(document.getAnimations ? document.getAnimations() : []);
      if (document.activeElement && document.activeElement !== document.body && document.activeElement.blur) {
        document.activeElement.blur();
      }
      const observer = new MutationObserver(() => {});
      observer.observe(document.documentElement, { attributes: true, childList: true, subtree: true, characterData: true });
      try {
        for (const el of candidates) {
          const list = watched(el);
          const was = before(list);
          const animations = running();
          observer.takeRecords();
          el.focus({ preventScroll: true, focusVisible: true });
          if (document.activeElement !== el) continue;  // focus went elsewhere (or nowhere): not judged
          const after = state(list);
          const started = Array.from(running()).some((a) => !animations.has(a));
          const changed = started || observer.takeRecords().length > 0 || was.some((s, i) => s !== after[i]);
          el.blur();
          if (observer.takeRecords().length) unfocused.clear();  // the page's focus handlers changed the DOM
          result.probed += 1;
          if (!changed) result.unchanged.push({ selector: cssPath(el), name: cut(accName(el), 120) });
        }
      } finally {
        observer.disconnect();
        try { if (start.active && start.active.focus) start.active.focus({ preventScroll: true }); } catch (e) { /* ignore */ }
        window.scrollTo({ left: start.x, top: start.y, behavior: "instant" });
      }
      return result;
    }, { probed: 0, unchanged: [] });

    return { meta_refresh, text_spacing, frames_out_of_tab_order, decorative_exposed, orientation_transforms,
             text_contrast, focus_probed: focus.probed, focus_unchanged: focus.unchanged, act_errors: errors };
  })();


  // the style sheets (with their @imports) and scripts the page loaded from a file: an incremental run
  // visits a page again when one of them changed, even if its HTML did not
  const resources = (() => {
    const urls = new Set(), MAX = 100;
    const add = (href) => { if (href && /^https?:/.test(href) && urls.size < MAX) urls.add(href.split("#")[0]); };
    const sheet = (s, depth) => {
      add(s.href);
      let rules = [];
      try { rules = s.cssRules || []; } catch (e) { return; }  // another origin's sheet: its imports cannot be read
      for (const rule of rules) {
        if (depth < 4 && rule.styleSheet && rule.type === CSSRule.IMPORT_RULE) sheet(rule.styleSheet, depth + 1);
      }
    };
    for (const s of document.styleSheets) sheet(s, 0);
    for (const s of document.scripts) add(s.src);
    return [...urls];
  })();

  if (axeReady) { try { axe.teardown(); } catch (e) { /* ignore */ } }
  const html = document.documentElement;
  return {
    title: clean(document.title),
    lang: html.getAttribute("lang") || html.getAttribute("xml:lang") || "",
    headings, landmarks, links, images, text_blocks,
    forms: document.forms.length, form_fields, lang_parts,
    loose_text, focusables, search_forms, resources,
    ...actFacts,
  };
}
