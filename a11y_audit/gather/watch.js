// Text that changes by itself (WCAG 2.2.2, checks/media.py): added to every page before its own scripts,
// this notes from the load event on, per element, when its text changed. Changes less than BURST_MS apart
// are one update (a rotator that swaps a few nodes, a count-up or typing animation that runs on); an update
// that leaves the same text is none. Read by gather/media.js; bounded: at most MAX_ELEMENTS elements,
// MAX_UPDATES updates each.
(() => {
  if (window !== window.top || Object.prototype.hasOwnProperty.call(window, "__a11yAuditWatch")) return;
  const MAX_ELEMENTS = 200;
  const MAX_UPDATES = 12;
  const BURST_MS = 250;
  const seen = new Map();  // element -> {updates: [ms since load], last: ms of the last change, text}
  const state = { since: null, seen };

  const textOf = (node) => node.nodeType === 3 ? /\S/.test(node.data) : node.nodeType === 1 && /\S/.test(node.textContent || "");
  const note = (el, now) => {
    let entry = seen.get(el);
    if (!entry) {
      if (seen.size >= MAX_ELEMENTS) return;
      entry = { updates: [], last: -Infinity, text: null };
      seen.set(el, entry);
    }
    if (now - entry.last >= BURST_MS && entry.updates.length < MAX_UPDATES) {
      const text = (el.textContent || "").slice(0, 300);
      if (text !== entry.text) entry.updates.push(Math.round(now - state.since));
      entry.text = text;
    }
    entry.last = now;
  };
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      if (record.type === "characterData") {
        if (record.target.parentElement && record.oldValue !== record.target.data) note(record.target.parentElement, now);
      } else if (record.target.nodeType === 1 &&
                 (Array.prototype.some.call(record.addedNodes, textOf) || Array.prototype.some.call(record.removedNodes, textOf))) {
        note(record.target, now);
      }
    }
  });
  const start = () => {
    state.since = performance.now();
    observer.observe(document.documentElement, { childList: true, characterData: true, characterDataOldValue: true, subtree: true });
  };
  Object.defineProperty(window, "__a11yAuditWatch", { value: state, enumerable: false });
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
})();
