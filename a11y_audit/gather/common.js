// Helpers shared by the in-page scripts (extract.js, interact.js, media.js, consent.js and consent.py's
// FRAME_PATH). gather/js.py's `load` puts this file, unchanged, in place of the line
// "//#include common.js" inside each script's function, so every script stays one self-contained
// function expression: sent with Playwright's evaluate or Selenium's execute_script, never eval'ed,
// never a script tag (a page's Content-Security-Policy cannot stop it). What these return ends up in
// snapshots and findings.
const clean = (s) => (s || "").replace(/\s+/g, " ").trim();
const cut = (s, n) => (s.length > n ? s.slice(0, n) : s);

// the CSS selector of an element in the document: from the nearest ancestor with an id unique in the
// document (or the top), tag names with :nth-of-type only among same-named siblings; the same in every
// script, so findings on one element match. Selectors, unique ids and sibling positions are kept until
// the document changes (a MutationObserver's pending records, read at each call, say so at once).
const paths = { byEl: new WeakMap(), nth: new WeakMap(), ids: new Map(), observer: null };
const pathsFresh = () => {
  if (!paths.observer) {
    paths.observer = new MutationObserver(() => {});
    paths.observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["id"] });
  }
  if (paths.observer.takeRecords().length) {
    paths.byEl = new WeakMap(); paths.nth = new WeakMap(); paths.ids.clear();
  }
};
const uniqueId = (node) => {
  if (!node.id || !/^[A-Za-z][\w-]*$/.test(node.id)) return false;
  if (!paths.ids.has(node.id)) paths.ids.set(node.id, document.querySelectorAll("#" + node.id).length === 1);
  return paths.ids.get(node.id);
};
const nthOf = (parent, node) => {  // ":nth-of-type(i)" when the parent has more than one child of the node's tag
  let nth = paths.nth.get(parent);
  if (!nth) {
    nth = new Map();
    const seen = new Map();
    for (const child of parent.children) seen.set(child.localName, (seen.get(child.localName) || 0) + 1);
    const index = new Map();
    for (const child of parent.children) {
      const i = (index.get(child.localName) || 0) + 1;
      index.set(child.localName, i);
      nth.set(child, seen.get(child.localName) > 1 ? `:nth-of-type(${i})` : "");
    }
    paths.nth.set(parent, nth);
  }
  return nth.get(node) || "";
};
const pathOf = (node) => {
  if (!node || node.nodeType !== 1 || node === document.documentElement) return "";
  if (paths.byEl.has(node)) return paths.byEl.get(node);
  let path;
  if (uniqueId(node)) {
    path = "#" + node.id;
  } else {
    const parent = node.parentElement;
    const part = node.localName + (parent ? nthOf(parent, node) : "");
    const above = pathOf(parent);
    path = above ? `${above} > ${part}` : part;
  }
  paths.byEl.set(node, path);
  return path;
};
const cssPath = (el) => {
  pathsFresh();
  return pathOf(el);
};


// the Playwright selector of an element, also inside open shadow roots: "host >> inside" (Playwright's
// chaining, read by consent.py's GONE_SCRIPT too); ids unique in the element's own root, and every step
// with :nth-of-type. For consent banners, their buttons and their iframes.
const shadowPath = (el) => {
  const simpleId = (node) => node.id && /^[A-Za-z][\w-]*$/.test(node.id) && node.getRootNode().querySelectorAll("#" + node.id).length === 1;
  const parts = [];
  let node = el;
  for (; node && node.nodeType === 1 && node !== document.documentElement; node = node.parentElement) {
    if (simpleId(node)) { parts.unshift("#" + node.id); break; }
    let index = 1;
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.localName === node.localName) index += 1;
    }
    parts.unshift(`${node.localName}:nth-of-type(${index})`);
  }
  const root = el.getRootNode();
  const inside = parts.join(" > ");
  return root.host ? `${shadowPath(root.host)} >> ${inside}` : inside;
};
