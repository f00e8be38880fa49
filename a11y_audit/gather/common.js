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
// script, so findings on one element match
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
