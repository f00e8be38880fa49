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
// the page over it, no frames or media. Its targets near a target of the rest of the page (axe's
// target-size looks at neighbours) are holes: audited again on every page, never copied.
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
  const NEAR = 25;  // px: axe's target-offset looks 24 px around a target
  const described = new Map();  // element -> its own part of a region's description

  const rules = axe._audit.rules.filter((rule) => axe.utils.ruleShouldRun(rule, {page: true}, options));
  // the order of axe's results: rules that preload assets (CSS) run after the others
  const order = new Map([...rules.filter((r) => !r.preload), ...rules.filter((r) => r.preload)].map((rule, i) => [rule.id, i]));
  const wholePage = new Set(rules.filter((rule) => rule.pageLevel ||
    [...rule.any, ...rule.all, ...rule.none].some((check) => axe._audit.checks[check.id || check]?.after)).map((r) => r.id));
  const elementRules = rules.map((r) => r.id).filter((id) => !wholePage.has(id));
  // what axe's target-size counts as a neighbouring target: widget and composite roles, focusable elements
  const WIDGETS = Object.entries(axe.utils.getStandards().ariaRoles)
    .filter(([, role]) => role.type === 'widget' || role.type === 'composite').map(([name]) => `[role~="${name}"]`);
  const TARGETS = ['a[href]', 'area[href]', 'button', 'input:not([type=hidden])', 'select', 'textarea', 'summary', 'iframe',
                   '[tabindex]', '[contenteditable]', 'audio[controls]', 'video[controls]', ...WIDGETS].join(', ');

  const regions = (record || Object.keys(known).length) ? chromeRegions() : [];
  // left for the interaction step's Tab walk, which also goes through a known region only once a site
  window.__a11yAuditChrome = regions.map((region) => ({el: region.el, hash: region.hash}));
  const chosen = [];
  for (const region of regions) {
    if (region.hash in known && !chosen.some((c) => c.el.contains(region.el))) {
      const result = known[region.hash];
      // targets near a target of the rest of the page (here, or where the region was learned) are audited again
      const holes = [...region.near, ...(result.holes || []).map((path) => follow(region.el, path))].filter(Boolean);
      chosen.push({...region, result, holes});
    }
  }
  if (chosen.reduce((n, c) => n + c.elements, 0) < minElements) chosen.length = 0;

  const runOptions = {...options, elementRef: true};
  let results;  // rule id -> {meta, groups: {violations: [...], incomplete: [...], passes: [...]}}, fresh nodes with element refs
  if (chosen.length) {
    const context = {include: [document, ...chosen.flatMap((c) => c.holes)], exclude: chosen.map((c) => c.el)};
    results = byRule(await axe.run(context, {...runOptions, runOnly: {type: 'rule', values: elementRules}}));
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
      learned[region.hash] = regionResult(region, results);
    }
  }

  // the known regions' nodes, but those in holes (audited again above)
  for (const region of chosen) {
    const kept = (path) => {
      const element = follow(region.el, path);
      return element && !region.holes.some((hole) => hole.contains(element)) ? element : null;
    };
    for (const [id, stored] of Object.entries(region.result.rules)) {
      const rule = results[id];
      if (!rule || wholePage.has(id)) continue;
      for (const group of ['violations', 'incomplete']) {
        for (const n of stored[group] || []) {
          const element = kept(n.path);
          if (element) rule.groups[group].push({element, html: n.html, failureSummary: n.summary, impact: n.impact, copied: true});
        }
      }
      rule.passed += (stored.passes || []).filter((path) => kept(path)).length;
    }
  }
  if (chosen.length) {
    // in axe's order (the flattened tree, frames at their place), with selectors computed on this page
    axe.setup(document);
    try {
      const index = (node) => {
        const el = node.element || (typeof node.target?.[0] === 'string' ? document.querySelector(node.target[0]) : null);
        return axe.utils.getNodeFromTree(el)?.nodeIndex ?? Infinity;
      };
      for (const rule of Object.values(results)) {
        for (const group of ['violations', 'incomplete']) {
          const list = rule.groups[group];
          if (!list.some((n) => n.copied)) continue;
          list.sort((a, b) => index(a) - index(b));
          for (const node of list.slice(0, limit)) {
            if (node.copied) node.target = [axe.utils.getSelector(node.element)];
          }
        }
      }
    } finally {
      axe.teardown();
    }
  }

  const out = {testEngine: engine, violations: [], incomplete: [], passes: [], inapplicable: []};
  for (const [id, rule] of Object.entries(results).sort((a, b) => order.get(a[0]) - order.get(b[0]))) {
    const {violations, incomplete} = rule.groups;
    const impact = maxImpact((violations.length ? violations : incomplete).map((n) => n.impact));
    if (!violations.length && !incomplete.length && !rule.passed) {
      out.inapplicable.push({id});
      continue;
    }
    const {description, ...meta} = rule.meta;  // passes keep no description (a snapshot stores them all)
    for (const group of ['violations', 'incomplete']) {
      const list = rule.groups[group];
      if (!list.length) continue;
      out[group].push({...rule.meta, impact, nodeCount: list.length, nodes: list.slice(0, limit).map((n) => ({
        target: n.target, html: (n.html || '').slice(0, snippet), failureSummary: (n.failureSummary || '').slice(0, summary),
      }))});
    }
    if (rule.passed) out.passes.push({...meta, impact, nodes: [], nodeCount: rule.passed});
  }
  out.regions = {reused: chosen.map((c) => ({region: c.el.localName, elements: c.elements, holes: c.holes.length})), learned,
                 candidates: regions.length, elements: document.getElementsByTagName('*').length};
  return out;

  function byRule(raw, into = {}) {
    into.engine = raw.testEngine;
    for (const group of [...GROUPS, 'inapplicable']) {
      for (const r of raw[group]) {
        const rule = into[r.id] ||= {meta: {id: r.id, tags: r.tags, help: r.help, helpUrl: r.helpUrl, description: r.description},
                                     groups: {violations: [], incomplete: []}, passes: [], passed: 0};
        if (group === 'passes') {
          rule.passes.push(...r.nodes);
          rule.passed += r.nodes.length;
        } else if (group !== 'inapplicable') {
          rule.groups[group].push(...r.nodes);
        }
      }
    }
    return into;
  }

  function maxImpact(list) {
    const best = Math.max(-1, ...list.map((i) => IMPACTS.indexOf(i)));
    return best < 0 ? null : IMPACTS[best];
  }

  // what the element rules found in a region, all nodes by their path from its root, but those in its
  // holes (targets near a target of the rest of this page), which later pages audit again
  function regionResult(region, all) {
    const root = region.el;
    const inside = (n) => n.element && root.contains(n.element) && !region.near.some((hole) => hole.contains(n.element));
    const out = {holes: region.near.map((el) => pathOf(root, el)), rules: {}};
    for (const [id, rule] of Object.entries(all)) {
      if (wholePage.has(id)) continue;
      const stored = {};
      for (const group of ['violations', 'incomplete']) {
        const nodes = rule.groups[group].filter(inside);
        if (nodes.length) {
          stored[group] = nodes.map((n) => ({path: pathOf(root, n.element), html: (n.html || '').slice(0, snippet),
                                             summary: (n.failureSummary || '').slice(0, summary), impact: n.impact}));
        }
      }
      const passes = rule.passes.filter(inside);
      if (passes.length) stored.passes = passes.map((n) => pathOf(root, n.element));
      if (Object.keys(stored).length) out.rules[id] = stored;
    }
    return out;
  }

  function pathOf(root, el) {
    const path = [];
    for (; el !== root; el = el.parentElement) path.unshift(Array.prototype.indexOf.call(el.parentElement.children, el));
    return path;
  }

  function follow(root, path) {
    return path.reduce((el, i) => el?.children[i], root);
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
      const near = facts && independent(el, facts, page);
      if (!near) continue;
      out.push({el, near, elements: facts.elements.length, hash: hash([page.globals, ancestry(el), facts.text].join('\u0002'))});
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
    for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
    const refs = [];
    for (const el of document.querySelectorAll(IDREFS.map((a) => `[${a}]`).join(','))) {
      for (const a of IDREFS) {
        const v = el.getAttribute(a);
        if (v) refs.push({el, tokens: v.replace(/^#/, '').split(/\s+/).filter(Boolean)});
      }
    }
    // the boxes of the page's rendered elements, once for all regions
    const boxes = [];
    for (const el of document.body ? document.body.getElementsByTagName('*') : []) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) boxes.push([el, r]);
    }
    return {globals, ids, refs, boxes};
  }

  // everything in the region that axe's element rules read: tags, attributes, text, comments, form state,
  // computed styles (also of ::before and ::after), boxes relative to the region; null when not reusable
  function describe(root) {
    for (let el = root.parentElement; el; el = el.parentElement) if (el.shadowRoot) return null;  // slotted: other order
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
      const {own, r} = element(el);
      const box = [r.left - origin.left, r.top - origin.top, r.width, r.height].map((v) => v.toFixed(2)).join(',');
      parts.push('<' + box + '|' + own);
      for (const child of el.childNodes) if (!walk(child)) return false;
      parts.push('>');
      return true;
    };
    if (!walk(root)) return null;
    return {text: parts.join('\n'), elements, box: origin};
  }

  // an element's own part of a region's description (kept for nested regions): all but its relative box
  function element(el) {
    let known = described.get(el);
    if (!known) {
      const r = el.getBoundingClientRect();
      const attrs = [...el.attributes].map((a) => a.name + '=' + a.value).join('\u0001');
      const state = 'value' in el && /^(INPUT|SELECT|TEXTAREA|BUTTON|OPTION)$/.test(el.tagName)
        ? [el.value, el.checked, el.selected, el.disabled].join(',') : '';
      const edge = [r.bottom + scrollY < 0, r.right + scrollX <= 0, el.getClientRects().length, el.scrollTop, el.scrollLeft].join(',');
      known = {r, own: el.tagName + '\u0001' + attrs + '|' + state + '|' + edge + '|' + styles(el, null, STYLE) + '|' +
                       pseudo(el, '::before') + '|' + pseudo(el, '::after')};
      described.set(el, known);
    }
    return known;
  }

  function pseudo(el, which) {
    const s = getComputedStyle(el, which);
    const content = s.getPropertyValue('content');
    return content === 'none' || content === 'normal' ? content : PSEUDO_STYLE.map((p) => s.getPropertyValue(p)).join(';');
  }

  // the ancestors' semantics and styles: implicit roles, inherited hiding, backgrounds behind the region
  function ancestry(root) {
    const parts = [];
    for (let el = root.parentElement; el; el = el.parentElement) {
      const attrs = [...el.attributes].filter((a) => /^(role|aria-|hidden$|inert$|lang$|xml:lang$|dir$)/.test(a.name))
        .map((a) => a.name + '=' + a.value).join('\u0001');
      parts.push(el.tagName + '\u0001' + attrs + '|' + styles(el, null, ANCESTOR_STYLE) + '|' + pseudo(el, '::before') +
                 '|' + pseudo(el, '::after'));
    }
    return parts.join('\n');
  }

  // null when the region's results may depend on the rest of the page; else its targets that are near a
  // target of the rest of the page (axe's target-size looks at neighbours): the holes audited on every page
  function independent(root, facts, page) {
    const inside = new Set(facts.elements);
    const ids = new Set(facts.elements.filter((el) => el.id).map((el) => el.id));
    for (const id of ids) {
      if (page.ids.get(id) !== facts.elements.filter((el) => el.id === id).length) return null;  // duplicated outside
    }
    for (const {el, tokens} of page.refs) {
      if (inside.has(el)) {
        if (tokens.some((t) => page.ids.has(t) && !ids.has(t))) return null;  // points out of the region
      } else if (tokens.some((t) => ids.has(t))) {
        return null;  // points into the region
      }
    }
    const near = new Set();
    const boxes = facts.elements.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    if (!boxes.length) return [];
    const union = {
      left: Math.min(...boxes.map((r) => r.left)), top: Math.min(...boxes.map((r) => r.top)),
      right: Math.max(...boxes.map((r) => r.right)), bottom: Math.max(...boxes.map((r) => r.bottom)),
    };
    const targets = facts.elements.filter((el) => el.matches(TARGETS)).map((el) => [el, el.getBoundingClientRect()]);
    const ancestors = new Set();
    for (let el = root.parentElement; el; el = el.parentElement) ancestors.add(el);
    for (const [el, r] of page.boxes) {
      if (inside.has(el) || ancestors.has(el)) continue;
      // nothing of the rest of the page over the region
      if (r.left < union.right && r.right > union.left && r.top < union.bottom && r.bottom > union.top) return null;
      if (targets.length && r.left < union.right + NEAR && r.right > union.left - NEAR && r.top < union.bottom + NEAR &&
          r.bottom > union.top - NEAR && el.matches(TARGETS)) {
        for (const [target, box] of targets) if (distance(box, r) < NEAR) near.add(target);
      }
    }
    return [...near];
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
