// Page facts for a11y-audit's own checks, gathered in the page after axe-core ran.
// Returns plain JSON. Accessible names come from axe-core's own implementation
// of the accessible name computation when axe is present.
(limits) => {
  const MAX_TEXT = limits.maxText;
  const clean = (s) => (s || "").replace(/\s+/g, " ").trim();
  const cut = (s, n) => (s.length > n ? s.slice(0, n) : s);

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

  const cssPath = (el) => {
    if (el.id && /^[A-Za-z][\w-]*$/.test(el.id) && document.querySelectorAll("#" + el.id).length === 1) {
      return "#" + el.id;
    }
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && node !== document.documentElement) {
      if (node.id && /^[A-Za-z][\w-]*$/.test(node.id) && document.querySelectorAll("#" + node.id).length === 1) {
        parts.unshift("#" + node.id);
        break;
      }
      let part = node.localName;
      const parent = node.parentElement;
      if (parent) {
        const same = Array.from(parent.children).filter((c) => c.localName === node.localName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
      }
      parts.unshift(part);
      node = parent;
    }
    return parts.join(" > ");
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

  const landmarks = [];
  for (const el of document.querySelectorAll("header, footer, nav, main, aside, search, form, section, [role]")) {
    const role = roleOf(el);
    if (LANDMARKS.has(role) && visible(el)) landmarks.push({ role, name: accName(el), selector: cssPath(el) });
  }

  const headings = [];
  for (const el of document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")) {
    if (!visible(el) || el.closest("[aria-hidden=true]")) continue;
    const level = el.getAttribute("role") === "heading"
      ? parseInt(el.getAttribute("aria-level") || "2", 10)
      : parseInt(el.localName.slice(1), 10);
    headings.push({ level, text: cut(accName(el), 300) });
  }

  const links = [];
  for (const el of document.querySelectorAll("a[href], area[href]")) {
    if (links.length >= limits.maxLinks) break;
    links.push({
      href: el.href || "",
      name: cut(accName(el), 300),
      text: cut(clean(el.innerText || el.textContent), 300),
      selector: cssPath(el),
      region: regionOf(el),
      lang: langOf(el),
    });
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
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (text_blocks.length >= limits.maxBlocks) break;
    if (el.querySelector("p, li, td, dd, blockquote") || !visible(el)) continue;
    const text = clean(el.innerText);
    if (!text) continue;
    text_blocks.push({ tag: el.localName, text: cut(text, MAX_TEXT), lang: langOf(el), region: regionOf(el), selector: cssPath(el) });
  }

  if (axeReady) { try { axe.teardown(); } catch (e) { /* ignore */ } }
  const html = document.documentElement;
  return {
    title: clean(document.title),
    lang: html.getAttribute("lang") || html.getAttribute("xml:lang") || "",
    headings, landmarks, links, images, text_blocks,
    forms: document.forms.length,
  };
}
