// Runs axe-core in the page and returns its results slimmed down to what a snapshot keeps.
//
// Template-aware: `known` holds the results of chrome regions (header, navigation, footer,
// search) that an earlier page of the same site had, by structural hash. A region of this page
// with a known hash is left out of axe's context for the element rules; its results are copied
// in (elements found again by their path in the region, selectors computed on this page), so the
// results equal those of a full run. Rules that look at the whole document (axe metadata:
// pageLevel, or a check with an `after` step that compares nodes) always run on the whole page.
// A region is only reused, or recorded for reuse, when its results cannot depend on anything
// outside it: no id references across its border, no duplicate ids, no element of the rest of
// the page over it or a target of the rest of the page near its targets, no frames or media.
async ({options, known = {}, record = false, limit = 50, snippet = 400, summary = 1000, minElements = 0}) => {
  const IMPACTS = ['minor', 'moderate', 'serious', 'critical'];
  const GROUPS = ['violations', 'incomplete', 'passes'];
  const STYLE = [
    'display', 'visibility', 'opacity', 'position', 'z-index', 'float', 'overflow-x', 'overflow-y', 'clip', 'clip-path',
    'transform', 'filter', 'backdrop-filter', 'mix-blend-mode', 'isolation', 'will-change', 'contain', 'content-visibility',
    'color', 'background-color', 'background-image', 'background-clip', 'background-size', 'background-position',
    'background-repeat', 'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing',
    'word-spacing', 'text-indent', 'text-transform', 'white-space', 'text-shadow', 'text-decoration-line',
    'text-decoration-style', 'text-decoration-color', 'text-decoration-thickness', 'direction', 'writing-mode',
    '-webkit-text-stroke-width', '-webkit-text-stroke-color', '-webkit-text-fill-color', 'pointer-events', 'cursor',
    'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'outline-style', 'outline-width', 'outline-color',
    ...['top', 'right', 'bottom', 'left'].flatMap((e) => [`border-${e}-width`, `border-${e}-style`, `border-${e}-color`]),
    'width', 'height', 'zoom',
  ];
  const ANCESTOR_STYLE = STYLE.filter((p) => p !== 'width' && p !== 'height');  // a page's height is its own
  const PSEUDO_STYLE = ['content', 'display', 'position', 'color', 'background-color', 'background-image', 'opacity',
                        'width', 'height', 'font-size', 'visibility'];
  const NOT_REUSABLE = new Set(['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'AUDIO', 'VIDEO', 'PORTAL', 'MAP', 'DIALOG']);
  const IDREFS = ['for', 'headers', 'list', 'form', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns',
                  'aria-activedescendant', 'aria-errormessage', 'aria-details', 'aria-flowto', 'popovertarget',
                  'commandfor', 'anchor', 'itemref', 'usemap'];
  const TARGETS = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], ' +
                  '[contenteditable], [role], audio[controls], video[controls], iframe';
  const NEAR = 25;  // px: axe's target-offset looks 24 px around a target

  const rules = axe._audit.rules.filter((rule) => axe.utils.ruleShouldRun(rule, {page: true}, options));
  // the order of axe's results: rules that preload assets (CSS) run after the others
  const order = new Map([...rules.filter((r) => !r.preload), ...rules.filter((r) => r.preload)].map((rule, i) => [rule.id, i]));
  const wholePage = new Set(rules.filter((rule) => rule.pageLevel ||
    [...rule.any, ...rule.all, ...rule.none].some((check) => axe._audit.checks[check.id || check]?.after)).map((r) => r.id));
  const elementRules = rules.map((r) => r.id).filter((id) => !wholePage.has(id));

  const regions = (record || Object.keys(known).length) ? chromeRegions() : [];
  const chosen = [];
  for (const region of regions) {
    if (region.hash in known && !chosen.some((c) => c.el.contains(region.el))) {
      chosen.push({...region, result: known[region.hash]});
    }
  }
  const excludedElements = chosen.reduce((n, c) => n + c.elements, 0);
  if (excludedElements < minElements) chosen.length = 0;

  const runOptions = {...options, elementRef: true};
  let results;  // rule id -> {meta, groups: {violations: [...], ...}} with fresh nodes (element refs)
  if (chosen.length) {
    const part = await axe.run({include: [document], exclude: chosen.map((c) => c.el)},
                               {...runOptions, runOnly: {type: 'rule', values: elementRules}});
    results = byRule(part);
    if (wholePage.size) byRule(await axe.run(document, {...runOptions, runOnly: {type: 'rule', values: [...wholePage]}}), results);
  } else {
    results = byRule(await axe.run(document, runOptions));
  }
  const engine = results.engine;
  delete results.engine;

  const learned = {};
  if (record) {
    for (const region of regions) {
      if (region.hash in known || chosen.some((c) => c.el.contains(region.el) || region.el.contains(c.el))) continue;
      learned[region.hash] = regionResult(region.el, results);
    }
  }

  // copy the known regions' nodes in, in document order, with selectors computed on this page
  const copied = [];
  for (const [id, rule] of Object.entries(results)) {
    if (wholePage.has(id)) continue;
    for (const group of GROUPS) {
      for (const region of chosen) {
        const stored = region.result[id]?.[group];
        if (!stored) continue;
        const nodes = stored.nodes.map((n) => ({element: follow(region.el, n.path), html: n.html, failureSummary: n.summary,
                                                impact: n.impact, copied: true}));
        copied.push(...nodes);
        const list = rule.groups[group];
        let at = list.findIndex((node) => follows(region.el, node));
        if (at < 0) at = list.length;
        list.splice(at, 0, ...nodes);
        rule.extra[group] = (rule.extra[group] || 0) + stored.count - stored.nodes.length;
        rule.impacts[group].push(stored.impact);
      }
    }
  }
  if (copied.length) {
    axe.setup(document);
    try {
      for (const node of copied) node.target = [axe.utils.getSelector(node.element)];
    } finally {
      axe.teardown();
    }
  }

  const out = {testEngine: engine, violations: [], incomplete: [], passes: [], inapplicable: []};
  for (const [id, rule] of Object.entries(results).sort((a, b) => order.get(a[0]) - order.get(b[0]))) {
    const failing = rule.impacts.violations.length + rule.groups.violations.length ? 'violations' : 'incomplete';
    const impact = maxImpact([...rule.impacts[failing], ...rule.groups[failing].map((n) => n.impact)]);
    const counts = Object.fromEntries(GROUPS.map((g) => [g, rule.groups[g].length + (rule.extra[g] || 0)]));
    if (!counts.violations && !counts.incomplete && !counts.passes) {
      out.inapplicable.push({id});
      continue;
    }
    const {description, ...meta} = rule.meta;  // passes keep no description (a snapshot stores them all)
    for (const group of ['violations', 'incomplete']) {
      if (!counts[group]) continue;
      out[group].push({...rule.meta, impact, nodeCount: counts[group], nodes: rule.groups[group].slice(0, limit).map((n) => ({
        target: n.target, html: (n.html || '').slice(0, snippet), failureSummary: (n.failureSummary || '').slice(0, summary),
      }))});
    }
    if (counts.passes) out.passes.push({...meta, impact: counts.violations || counts.incomplete ? impact : null, nodes: [], nodeCount: counts.passes});
  }
  out.regions = {reused: chosen.map((c) => ({hash: c.hash, elements: c.elements})), learned,
                 candidates: regions.length, elements: document.getElementsByTagName('*').length};
  return out;

  function byRule(raw, into = {}) {
    into.engine = raw.testEngine;
    for (const group of [...GROUPS, 'inapplicable']) {
      for (const r of raw[group]) {
        const rule = into[r.id] ||= {meta: {id: r.id, tags: r.tags, help: r.help, helpUrl: r.helpUrl, description: r.description},
                                     groups: {violations: [], incomplete: [], passes: []}, extra: {},
                                     impacts: {violations: [], incomplete: [], passes: []}};
        if (group !== 'inapplicable') rule.groups[group].push(...r.nodes);
      }
    }
    return into;
  }

  function maxImpact(list) {
    const best = Math.max(-1, ...list.map((i) => IMPACTS.indexOf(i)));
    return best < 0 ? null : IMPACTS[best];
  }

  // the results of the element rules inside `root`: per rule and group the first nodes (by their path
  // from `root`), how many there are and their highest impact
  function regionResult(root, all) {
    const out = {};
    for (const [id, rule] of Object.entries(all)) {
      if (wholePage.has(id)) continue;
      for (const group of GROUPS) {
        const inside = rule.groups[group].filter((n) => n.element && root.contains(n.element));
        if (!inside.length) continue;
        (out[id] ||= {})[group] = {
          count: inside.length,
          impact: maxImpact(inside.map((n) => n.impact)),
          nodes: group === 'passes' ? [] : inside.slice(0, limit).map((n) => ({
            path: pathOf(root, n.element), html: (n.html || '').slice(0, snippet),
            summary: (n.failureSummary || '').slice(0, summary), impact: n.impact,
          })),
        };
      }
    }
    return out;
  }

  function pathOf(root, el) {
    const path = [];
    for (; el !== root; el = el.parentElement) path.unshift(Array.prototype.indexOf.call(el.parentElement.children, el));
    return path;
  }

  function follow(root, path) {
    return path.reduce((el, i) => el.children[i], root);
  }

  // does the fresh result `node` come after the region `root` in document order?
  function follows(root, node) {
    let el = node.element;
    if (!el && Array.isArray(node.target) && typeof node.target[0] === 'string') {
      el = document.querySelector(node.target[0]);  // a node in a frame: the frame's place counts
    }
    while (el && el.getRootNode() !== document && el.getRootNode().host) el = el.getRootNode().host;
    return !!el && !!(root.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  }

  // -- chrome regions and their structural hash ---------------------------------------------

  function chromeRegions() {
    if (document.querySelector('dialog[open]')) return [];  // a modal makes the rest of the page inert
    const found = [...document.querySelectorAll(
      'header, footer, nav, search, [role=banner], [role=navigation], [role=contentinfo], [role=search]',
    )].filter((el) => !el.closest('main, [role=main], dialog'));
    if (!found.length) return [];
    const page = pageFacts();
    const out = [];
    for (const el of found) {
      const facts = describe(el);
      if (!facts || !independent(el, facts, page)) continue;
      out.push({el, elements: facts.elements.length, hash: hash([page.globals, ancestry(el), facts.text].join('\u0002'))});
    }
    return out;
  }

  function styles(el, pseudo, props) {
    const s = getComputedStyle(el, pseudo);
    return props.map((p) => s.getPropertyValue(p)).join(';');
  }

  // the page as a whole: viewport, scroll, style sheets, direction; every element's box and id
  function pageFacts() {
    const sheets = [...document.styleSheets].map((s) => s.href || hash(s.ownerNode?.textContent || ''));
    const globals = [innerWidth, innerHeight, scrollX, scrollY, devicePixelRatio, document.compatMode,
                     getComputedStyle(document.body || document.documentElement).direction, sheets.join(','),
                     document.adoptedStyleSheets?.length || 0].join('|');
    const ids = new Map();
    const refs = [];
    for (const el of document.getElementsByTagName('*')) {
      if (el.id) ids.set(el.id, (ids.get(el.id) || 0) + 1);
      for (const a of IDREFS) {
        const v = el.getAttribute(a);
        if (v) refs.push({el, tokens: v.replace(/^#/, '').split(/\s+/).filter(Boolean)});
      }
    }
    return {globals, ids, refs};
  }

  // everything in the region that axe's element rules read: tags, attributes, text, comments, form state,
  // computed styles (also of ::before and ::after), boxes relative to the region; null when not reusable
  function describe(root) {
    const rootStyle = getComputedStyle(root);
    if (!/^(block|flex|grid|table|list-item|flow-root)$/.test(rootStyle.display)) return null;
    const origin = root.getBoundingClientRect();
    const parts = [];
    const elements = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) { parts.push('"' + node.data); return true; }
      if (node.nodeType === Node.COMMENT_NODE) { parts.push('!' + node.data); return true; }
      if (node.nodeType !== Node.ELEMENT_NODE) return true;
      const el = node;
      if (NOT_REUSABLE.has(el.tagName) || el.shadowRoot) return false;
      elements.push(el);
      const r = el.getBoundingClientRect();
      const attrs = [...el.attributes].map((a) => a.name + '=' + a.value).join('\u0001');
      const state = 'value' in el && /^(INPUT|SELECT|TEXTAREA|BUTTON|OPTION)$/.test(el.tagName)
        ? [el.value, el.checked, el.selected, el.disabled].join(',') : '';
      const box = [r.left - origin.left, r.top - origin.top, r.width, r.height].map((v) => v.toFixed(2)).join(',');
      const edge = [r.bottom + scrollY < 0, r.right + scrollX <= 0, el.getClientRects().length, el.scrollTop, el.scrollLeft].join(',');
      parts.push('<' + el.tagName + '\u0001' + attrs + '|' + state + '|' + box + '|' + edge + '|' + styles(el, null, STYLE) +
                 '|' + styles(el, '::before', PSEUDO_STYLE) + '|' + styles(el, '::after', PSEUDO_STYLE));
      for (const child of el.childNodes) if (!walk(child)) return false;
      parts.push('>');
      return true;
    };
    if (!walk(root)) return null;
    return {text: parts.join('\n'), elements, box: origin};
  }

  // the ancestors' semantics and styles: implicit roles, inherited hiding, backgrounds behind the region
  function ancestry(root) {
    const parts = [];
    for (let el = root.parentElement; el; el = el.parentElement) {
      const attrs = [...el.attributes].filter((a) => /^(role|aria-|hidden$|inert$|lang$|xml:lang$|dir$)/.test(a.name))
        .map((a) => a.name + '=' + a.value).join('\u0001');
      parts.push(el.tagName + '\u0001' + attrs + '|' + styles(el, null, ANCESTOR_STYLE) + '|' + styles(el, '::before', PSEUDO_STYLE) +
                 '|' + styles(el, '::after', PSEUDO_STYLE));
    }
    return parts.join('\n');
  }

  function independent(root, facts, page) {
    const inside = new Set(facts.elements);
    const ids = new Set(facts.elements.filter((el) => el.id).map((el) => el.id));
    for (const id of ids) {
      if (page.ids.get(id) !== facts.elements.filter((el) => el.id === id).length) return false;  // duplicated outside
    }
    for (const {el, tokens} of page.refs) {
      if (inside.has(el)) {
        if (tokens.some((t) => page.ids.has(t) && !ids.has(t))) return false;  // points out of the region
      } else if (tokens.some((t) => ids.has(t))) {
        return false;  // points into the region
      }
    }
    // nothing of the rest of the page over the region, no target of the rest of the page near its targets
    const boxes = facts.elements.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    if (!boxes.length) return true;
    const union = {
      left: Math.min(...boxes.map((r) => r.left)), top: Math.min(...boxes.map((r) => r.top)),
      right: Math.max(...boxes.map((r) => r.right)), bottom: Math.max(...boxes.map((r) => r.bottom)),
    };
    const targets = facts.elements.filter((el) => el.matches(TARGETS)).map((el) => el.getBoundingClientRect());
    for (const el of document.body ? document.body.getElementsByTagName('*') : []) {
      if (inside.has(el) || el.contains(root)) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      if (r.left < union.right && r.right > union.left && r.top < union.bottom && r.bottom > union.top) return false;
      if (targets.length && r.left < union.right + NEAR && r.right > union.left - NEAR && r.top < union.bottom + NEAR &&
          r.bottom > union.top - NEAR && el.matches(TARGETS) && targets.some((t) => distance(t, r) < NEAR)) {
        return false;
      }
    }
    return true;
  }

  function distance(a, b) {
    const dx = Math.max(0, a.left - b.right, b.left - a.right);
    const dy = Math.max(0, a.top - b.bottom, b.top - a.bottom);
    return Math.hypot(dx, dy);
  }

  // two 53-bit string hashes (cyrb53) with different seeds: 106 bits
  function hash(text) {
    const one = (seed) => {
      let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
      h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
      return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
    };
    return one(1) + '.' + one(2);
  }
}
