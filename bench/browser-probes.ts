// Measurements that run inside the page. Kept as plain JavaScript source: functions compiled by
// tsx can carry helper calls (__name) that do not exist in the browser.

/** Shared helpers: the next paint, a task-queue yield, waiting for a condition. */
const HELPERS = `
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  }));
  const nextTask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(null); });
  const until = async (check) => { for (let i = 0; i < 20000 && !check(); i++) await nextTask(); if (!check()) throw new Error("timed out"); };
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
`;

/**
 * Runs before the page's own scripts (an init script): notes when the first matrix cell's text enters
 * the DOM (the HTML parser inserting the server-rendered grid, or React rendering it) and when it was
 * painted (Element Timing's renderTime: the paint itself, not the next task after it, which long
 * script tasks can delay), as `window.__benchCells = { inserted, painted }`; and keeps
 * every long animation frame (over 50 ms) in `window.__benchFrames`.
 */
export const LOAD_PROBES = `(() => {
  window.__benchFrames = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__benchFrames.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: "long-animation-frame", buffered: true });
  } catch {}
  // The element holding the first text of the first matrix cell, once the parser (or React) inserted it.
  const firstCellText = () => {
    const td = document.querySelector("[role=grid] td");
    if (!td) return null;
    const text = document.createTreeWalker(td, NodeFilter.SHOW_TEXT, { acceptNode: (n) => n.data.trim() ? 1 : 3 }).nextNode();
    return text ? text.parentElement : null;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === "bench-cell" && window.__benchCells) window.__benchCells.painted = e.renderTime || e.startTime;
  }).observe({ type: "element", buffered: true });
  const observer = new MutationObserver(() => {
    const target = firstCellText();
    if (!target) return;
    observer.disconnect();
    // Element Timing reports when this text was painted, whatever tasks run after that frame.
    target.setAttribute("elementtiming", "bench-cell");
    window.__benchCells = { inserted: performance.now(), painted: null };
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})()`;

/**
 * First render, as phases of one page load (all in ms from navigation start unless noted):
 * - cells_painted_ms: the frame showing the matrix's first cells was painted. The page is rendered
 *   on the server, so this is when the user sees the matrix (not yet interactive);
 * - live_ms: the frame after React committed the grid in the browser ("matrix:rendered"): the
 *   cells are interactive (sorting, keyboard, popovers);
 * - client_ms: from "matrix:data" (the data has arrived and the browser starts decoding it) to
 *   "matrix:rendered": the browser's own matrix work (decode, model, table, commit, paint);
 * - server_ms: request to first response byte (the whole page on the server, matrix included);
 * - html_ms: the last byte of the HTML;
 * - data_ms: the last byte of the matrix data if it came as a request of its own (GET
 *   /api/compare/data), with data_bytes on the wire; NaN (null in the output) when the page
 *   carries the data in its own response, as /compare does.
 */
export const READ_FIRST_RENDER = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const data = performance.getEntriesByName("matrix:data")[0].startTime;
  const rendered = performance.getEntriesByName("matrix:rendered")[0].startTime;
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const dataEntry = performance.getEntriesByType("resource").find((e) => e.name.includes("/api/compare/data"));
  return {
    cells_painted_ms: window.__benchCells && window.__benchCells.painted !== null ? window.__benchCells.painted : NaN,
    live_ms: rendered,
    client_ms: rendered - data,
    server_ms: nav.responseStart - nav.requestStart,
    html_ms: nav.responseEnd,
    data_ms: dataEntry ? dataEntry.responseEnd : NaN,
    data_bytes: dataEntry ? dataEntry.transferSize : NaN,
    fcp_ms: fcp ? fcp.startTime : NaN,
    html_bytes: nav.decodedBodySize,
    dom_cells: document.querySelectorAll("[role=grid] td").length,
    rows: document.querySelector("[role=grid]").getAttribute("aria-rowcount") - 1,
  };
})()`;

/**
 * The longest animation frame in the 2 s after "matrix:rendered": renders that follow the first one
 * (the measured size of the scroll area, deferred counts) and background work (the filter index).
 * Frames under 50 ms are not reported by the browser (LOAD_PROBES collects them), so 0 means none was.
 */
export const AFTER_LIVE_FRAMES = `(async () => {
  const live = performance.getEntriesByName("matrix:rendered")[0].startTime;
  const wait = live + 2000 - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const after = window.__benchFrames.filter((e) => e.start + e.duration > live && e.start < live + 2000);
  return { max_frame_ms: Math.max(0, ...after.map((e) => e.duration)), long_frames: after.length };
})()`;

/**
 * Sort latency: click a column's sort button, wait until its aria-sort changed, then until the
 * frame showing the new order was painted. Cycles ascending, descending, unsorted.
 */
export const sortLatency = (colIndex: number, clicks: number) => `(async () => {
  ${HELPERS}
  const out = [];
  for (let i = 0; i < ${clicks}; i++) {
    const th = () => document.querySelector('thead th[aria-colindex="${colIndex}"]');
    const before = th().getAttribute("aria-sort");
    const firstRow = document.querySelector("tbody tr th")?.textContent;
    const t0 = performance.now();
    th().querySelector("button").click();
    await until(() => th() && th().getAttribute("aria-sort") !== before);
    out.push({ ms: (await afterPaint()) - t0, sort: th().getAttribute("aria-sort"), firstRowChanged: firstRow !== document.querySelector("tbody tr th")?.textContent });
    await sleep(150);
  }
  return out;
})()`;

/**
 * Filter latency: set the filter text as typing does (an input event), wait until the summary
 * line reflects it, then until the next paint. Alternates terms and clearing.
 */
export const filterLatency = (terms: string[]) => `(async () => {
  ${HELPERS}
  const input = document.querySelector("#matrix-filter");
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  const summary = document.querySelector('[data-testid="matrix-summary"]');
  const out = [];
  for (const term of ${JSON.stringify(terms)}) {
    const before = summary.textContent;
    const t0 = performance.now();
    setValue.call(input, term);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await until(() => summary.textContent !== before);
    out.push({ term, ms: (await afterPaint()) - t0, rows: document.querySelector("[role=grid]")?.getAttribute("aria-rowcount") });
    await sleep(150);
  }
  return out;
})()`;

/**
 * Longest frame during a scripted scroll: every animation frame scrolls the matrix down (and every
 * third frame right); frame length is the time between animation frames. Long animation frames
 * (PerformanceObserver "long-animation-frame", over 50 ms) are reported too.
 */
export const scrollFrames = (frames: number) => `(async () => {
  const scroller = document.querySelector('[data-testid="matrix-scroll"]');
  let loafMax = 0;
  let loafCount = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) { loafCount++; loafMax = Math.max(loafMax, e.duration); }
  });
  try { observer.observe({ type: "long-animation-frame" }); } catch {}
  const deltas = [];
  let last = await new Promise((r) => requestAnimationFrame(r));
  for (let i = 0; i < ${frames}; i++) {
    scroller.scrollTop += 120;
    if (i % 3 === 0) scroller.scrollLeft += 80;
    const now = await new Promise((r) => requestAnimationFrame(r));
    deltas.push(now - last);
    last = now;
  }
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    max_frame_ms: sorted.at(-1),
    p95_frame_ms: sorted[Math.floor(sorted.length * 0.95)],
    median_frame_ms: sorted[Math.floor(sorted.length / 2)],
    long_animation_frames: loafCount,
    max_long_animation_frame_ms: loafMax,
    scrolled_to: { top: scroller.scrollTop, left: scroller.scrollLeft },
  };
})()`;

/**
 * An init script for pages without the matrix's own marks (the /frameworks catalog): notes when
 * the first element matching `selector` got its text and was painted (Element Timing, as
 * LOAD_PROBES does for the matrix), and when React first committed (hydration done) through the
 * hook React DOM reports commits to (the one React DevTools installs; production builds call it
 * too): `window.__benchPage = { painted, committed, live }`, live being the frame after the commit.
 */
export const PAGE_PROBES = (selector: string) => `(() => {
  const state = (window.__benchPage = { painted: null, committed: null, live: null });
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot() {
      if (state.committed !== null) return;
      state.committed = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { state.live = performance.now(); };
        channel.port2.postMessage(null);
      });
    },
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === "bench-first" && state.painted === null) state.painted = e.renderTime || e.startTime;
  }).observe({ type: "element", buffered: true });
  const observer = new MutationObserver(() => {
    const target = document.querySelector(${JSON.stringify(selector)});
    if (!target || !target.textContent.trim()) return;
    observer.disconnect();
    target.setAttribute("elementtiming", "bench-first");
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})()`;

/**
 * JavaScript the page loaded so far (its own scripts from /_next/static, not the bench's): count,
 * bytes after decompression (what the browser parses) and bytes on the wire.
 */
export const READ_SCRIPT_BYTES = `(() => {
  const scripts = performance.getEntriesByType("resource").filter((e) => e.name.includes("/_next/static/") && new URL(e.name).pathname.endsWith(".js"));
  return {
    js_files: scripts.length,
    js_kb: Math.round(scripts.reduce((n, e) => n + e.decodedBodySize, 0) / 1024),
    js_wire_kb: Math.round(scripts.reduce((n, e) => n + e.encodedBodySize, 0) / 1024),
  };
})()`;
