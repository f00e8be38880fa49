// Facts about audio, video and text that changes by itself (checks/media.py: WCAG 1.2.x, 1.4.2, 2.2.2),
// gathered after axe-core and before extract.js (whose focus probing may change text). Bounded and
// sharing one short wait: the text watch (watch.js) needs limits.minWatchMs since the load event, a
// little more only when some text has started to change; caption tracks get limits.trackWaitMs to load;
// media that play by themselves with sound and without controls are listened to for limits.listenMs
// (Web Audio, same-origin media only). Returns plain JSON.
async (limits) => {
  const errors = [];
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  //#include common.js
  const part = async (name, fn, empty) => {
    try { return await fn(); } catch (e) { errors.push(name + ": " + String(e && e.message || e).slice(0, 200)); return empty; }
  };
  const shown = (el) => {
    if (!el.isConnected || !el.getClientRects().length) return false;
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const playing = (m) => !m.paused && !m.ended && m.readyState >= 2;
  const sameOrigin = (m) => {
    try { return m.crossOrigin !== null || ["blob:", "data:"].includes(new URL(m.currentSrc).protocol) ||
                 new URL(m.currentSrc).origin === location.origin; } catch (e) { return false; }
  };

  const elements = Array.from(document.querySelectorAll("audio, video")).slice(0, limits.maxMedia);

  // caption, subtitle and description tracks of media one can see: loaded (mode "hidden" shows nothing)
  const trackLoads = part("tracks", () => {
    const waits = [];
    for (const m of elements) {
      if (!shown(m) && !playing(m)) continue;
      for (const t of Array.from(m.querySelectorAll("track")).slice(0, limits.maxTracks)) {
        if (t.readyState >= 2 || !t.track) continue;
        if (t.track.mode === "disabled") {
          t.track.mode = "hidden";
          t.dataset.a11yAuditMode = "disabled";
        }
        waits.push(new Promise((resolve) => {
          t.addEventListener("load", resolve, { once: true });
          t.addEventListener("error", resolve, { once: true });
        }));
      }
    }
    return Promise.race([Promise.all(waits), sleep(waits.length ? limits.trackWaitMs : 0)]);
  }, null);

  // is what plays by itself, unmuted and without the browser's controls, audible?
  const listened = new Map();
  const listening = part("listen", async () => {
    const candidates = elements.filter((m) => playing(m) && !m.muted && m.volume > 0 && !m.controls && sameOrigin(m))
      .slice(0, limits.maxListen);
    if (!candidates.length) return;
    const context = new AudioContext();
    const analysers = [];
    for (const m of candidates) {
      try {
        const source = context.createMediaElementSource(m);
        const analyser = context.createAnalyser();
        source.connect(analyser);
        analyser.connect(context.destination);
        analysers.push([m, analyser, 0]);
      } catch (e) { /* the page routes it through Web Audio itself: not known */ }
    }
    if (context.state !== "running") await Promise.race([context.resume(), sleep(200)]);
    if (context.state !== "running") return;
    const until = performance.now() + limits.listenMs;
    while (performance.now() < until) {
      await sleep(30);
      for (const entry of analysers) {
        const samples = new Float32Array(entry[1].fftSize);
        entry[1].getFloatTimeDomainData(samples);
        for (const v of samples) entry[2] = Math.max(entry[2], Math.abs(v));
      }
    }
    for (const [m, , peak] of analysers) listened.set(m, peak >= limits.audiblePeak);
  }, null);

  // the text watch: at least minWatchMs since the load event; then on while some text changed less than
  // quietMs ago, up to maxWatchMs: what goes on changing is seen to, what settles (a page that loads in
  // steps) is seen to stop
  const watch = window.__a11yAuditWatch;
  await part("watch", async () => {
    if (!watch || watch.since === null) return;
    const elapsed = () => performance.now() - watch.since;
    const until = Math.min(limits.maxWatchMs, limits.budgetMs);
    await sleep(limits.minWatchMs - elapsed());
    while (elapsed() < until) {
      const quiet = performance.now() - Math.max(-Infinity, ...Array.from(watch.seen.values(), (e) => e.last));
      if (quiet >= limits.quietMs) break;
      await sleep(Math.min(limits.quietMs - quiet, until - elapsed()));
    }
  }, null);
  await trackLoads;
  await listening;

  const media = await part("media", () => elements.map((m) => {
    const tracks = Array.from(m.querySelectorAll("track")).slice(0, limits.maxTracks).map((t) => {
      const out = { kind: t.track ? t.track.kind : (t.getAttribute("kind") || "subtitles"), src: t.src || "",
                    srclang: t.srclang || "", label: cut(clean(t.label), 80), state: t.readyState,
                    cues: t.track && t.track.cues ? t.track.cues.length : null };
      if (t.dataset.a11yAuditMode) {
        t.track.mode = "disabled";
        delete t.dataset.a11yAuditMode;
      }
      return out;
    });
    const src = m.currentSrc || m.getAttribute("src") || "";
    return {
      selector: cssPath(m), tag: m.localName, shown: shown(m), controls: m.controls, autoplay: m.autoplay,
      muted: m.muted || m.volume === 0, loop: m.loop, playing: playing(m), current_time: m.currentTime,
      duration: Number.isFinite(m.duration) ? m.duration : null, stream: m.duration === Infinity,
      ready_state: m.readyState, error: m.error ? m.error.code : 0, src: cut(src.split("#")[0], 300),
      fragment: cut(src.includes("#") ? src.slice(src.indexOf("#") + 1) : "", 100),
      audio_bytes: typeof m.webkitAudioDecodedByteCount === "number" ? m.webkitAudioDecodedByteCount : null,
      video_bytes: typeof m.webkitVideoDecodedByteCount === "number" ? m.webkitVideoDecodedByteCount : null,
      audible: listened.has(m) ? listened.get(m) : null, tracks,
    };
  }), []);

  // elements whose text changed at least twice, as they are now
  const changing_text = await part("changing_text", () => {
    if (!watch || watch.since === null) return [];
    const out = [];
    const bodyText = () => clean(document.body ? document.body.innerText : "");
    let all = null;
    for (const [el, entry] of watch.seen) {
      if (entry.updates.length < 2 || !el.isConnected) continue;
      const visible = shown(el) && clean(el.innerText) !== "";
      if (visible && all === null) all = bodyText().length;
      out.push({ selector: cssPath(el), text: cut(clean(el.innerText), 120), updates: entry.updates.slice(), visible,
                 other_text: visible ? Math.max(0, all - clean(el.innerText).length) : 0,
                 quiet_ms: Math.round(performance.now() - watch.since) - entry.updates[entry.updates.length - 1] });
      if (out.length >= limits.maxChanging) break;
    }
    return out;
  }, []);

  // the controls one could stop it with: only when something plays or changes by itself
  const needed = media.some((m) => m.playing && !m.controls) ||
    changing_text.some((c) => c.visible && c.updates.length >= limits.updates);
  const page_controls = !needed ? [] : await part("page_controls", () => {
    let axeReady = false;
    if (window.axe && axe.setup && axe.commons) {
      try { axe.setup(document); axeReady = true; } catch (e) { axeReady = false; }
    }
    const name = (el) => {
      if (axeReady) {
        try {
          const vnode = axe.utils.getNodeFromTree(el);
          if (vnode) return clean(axe.commons.text.accessibleTextVirtual(vnode));
        } catch (e) { /* fall through */ }
      }
      return clean(el.getAttribute("aria-label") || el.value || el.innerText || el.getAttribute("title") || "");
    };
    const out = [];
    const CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], " +
      "[role=switch], [role=checkbox], [role=slider], [role=menuitem], [role=tab], [tabindex]:not([tabindex^='-'])";
    for (const el of document.querySelectorAll(CONTROLS)) {
      if (out.length >= limits.maxControls) break;
      if (el.closest("[aria-hidden=true]") || el.disabled || !shown(el)) continue;
      const n = name(el);
      if (n) out.push({ name: cut(n, 80), role: el.getAttribute("role") || el.localName });
    }
    if (axeReady) { try { axe.teardown(); } catch (e) { /* ignore */ } }
    return out;
  }, []);

  return { media, changing_text, page_controls, media_errors: errors };
}
