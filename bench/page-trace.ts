// `npm run bench:page-trace`: where a page load's time goes in the browser, from a Chromium trace
// (issue 20, goal 1: what separates the pages from the browser's floor).
//
// Serves the app over bench:matrix's synthetic catalog (2,000 frameworks; run bench:matrix once to
// write it), loads each page BENCH_RUNS times (3) in headless Chromium with tracing on, and
// prints one line per page with the medians of:
// - response_ms: navigation start to the first byte of the HTML (the server's part);
// - first_paint_ms and live_ms: first contentful paint, and the frame after React's first commit;
// - before_paint / before_live: the page renderer's main thread until that moment, in ms per kind
//   of work: html (parsing), script (compiling and running JavaScript, hydration included), style,
//   layout, paint (pre-paint, paint, layerize, commit), other (tasks of the renderer not in these),
//   and idle (waiting: for the network, for a frame, for another process).
// The pages: the static one-cell page bench:matrix calls the browser floor, /sign-in (the app's
// own floor), /compare with two frameworks and with all 2,000, and /frameworks. Numbers, no goals.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_MISSING, findChromium } from "../e2e/chromium";
// @ts-expect-error plain ESM script without type declarations
import { buildIfStale } from "../scripts/build.mjs";
import { serveApp, stopApp } from "./app-server";
import { PAGE_PROBES } from "./browser-probes";
import { printBenchLine } from "./report";

const PORT = Number(process.env.BENCH_PORT ?? 3916);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = path.resolve(import.meta.dirname, "..");
const catalog = path.join(root, "bench", "out", "matrix-2000x60-v1.db");
const KINDS = ["html", "script", "style", "layout", "paint", "other", "idle"] as const;
type Kind = (typeof KINDS)[number];
type Breakdown = Record<Kind, number>;

/** Trace event names by the kind of work they are (the innermost named event decides). */
const KIND_OF: Record<string, Kind> = {
  ParseHTML: "html",
  EvaluateScript: "script",
  "v8.compile": "script",
  "v8.compileModule": "script",
  "v8.produceCache": "script",
  FunctionCall: "script",
  "v8.callFunction": "script",
  RunMicrotasks: "script",
  BlinkScheduler_PerformMicrotaskCheckpoint: "script",
  "v8.run": "script",
  "LocalWindowProxy::Initialize": "script",
  TimerFire: "script",
  FireAnimationFrame: "script",
  EventDispatch: "script",
  "V8.GCScavenger": "script",
  MajorGC: "script",
  MinorGC: "script",
  UpdateLayoutTree: "style",
  ParseAuthorStyleSheet: "style",
  "CSSParserImpl::parseStyleSheet": "style",
  Layout: "layout",
  PrePaint: "paint",
  Paint: "paint",
  Layerize: "paint",
  Commit: "paint",
  UpdateLayer: "paint",
  RunTask: "other",
};

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { documentLoaderURL?: string }; beginData?: { url?: string } };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (x: number) => Math.round(x);

/**
 * Time of the main thread of the renderer that parsed `url`, from `start` to `end` (trace µs),
 * split by kind: each slice of time goes to the innermost event of a known kind covering it.
 */
function breakdown(events: TraceEvent[], url: string, start: number, end: number): Breakdown {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const parse = events.find(
    (e) =>
      e.name === "ParseHTML" && e.args?.beginData?.url === url && names.get(`${e.pid}:${e.tid}`) === "CrRendererMain",
  );
  const out = Object.fromEntries(KINDS.map((k) => [k, 0])) as Breakdown;
  if (!parse) throw new TraceIncomplete(`No renderer parsed ${url} in the trace`);
  const spans = events
    .filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === "X" && e.dur && KIND_OF[e.name])
    .map((e) => ({ kind: KIND_OF[e.name]!, from: Math.max(e.ts, start), to: Math.min(e.ts + e.dur!, end) }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from || b.to - a.to);
  // Sweep: a stack of open spans; the time between two boundaries belongs to the top of the stack.
  const stack: typeof spans = [];
  let at = start;
  const advance = (to: number) => {
    const top = stack[stack.length - 1];
    out[top ? top.kind : "idle"] += to - at;
    at = to;
  };
  for (const span of spans) {
    while (stack.length && stack[stack.length - 1]!.to <= span.from) {
      advance(stack[stack.length - 1]!.to);
      stack.pop();
    }
    advance(span.from);
    stack.push(span);
  }
  while (stack.length) {
    advance(stack[stack.length - 1]!.to);
    stack.pop();
  }
  advance(end);
  for (const k of KINDS) out[k] = out[k] / 1000;
  return out;
}

async function tracePage(browser: Browser, url: string, selector: string) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(PAGE_PROBES(selector));
  const file = path.join(os.tmpdir(), `page-trace-${process.pid}.json`);
  await browser.startTracing(page, {
    path: file,
    categories: [
      "devtools.timeline",
      "disabled-by-default-devtools.timeline",
      "blink",
      "blink.user_timing",
      "loading",
      "toplevel",
      "v8",
    ],
  });
  await page.goto(url, { waitUntil: "load", timeout: 300_000 });
  const probe = await page.waitForFunction(
    () => {
      const state = window.__benchPage;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
      // A page without React (the static floor) is live when it is painted.
      const live = state?.live ?? (window.next ? null : (fcp ?? null));
      if (fcp === undefined || live === null) return null;
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { fcp, live, response: nav.responseStart };
    },
    null,
    { timeout: 300_000, polling: 50 },
  );
  const measured = (await probe.jsonValue()) as { fcp: number; live: number; response: number };
  await page.waitForTimeout(200);
  await browser.stopTracing();
  await page.close();
  const trace = JSON.parse(fs.readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] };
  if (!process.env.BENCH_KEEP_TRACE) fs.rmSync(file, { force: true });
  const events = trace.traceEvents;
  // The trace's navigation start (µs) on the renderer's clock, which the page's times count from.
  // (The URL the page ended at: the app may have normalised the one asked for.)
  const navigation = events.find(
    (e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL?.startsWith("http"),
  );
  const start = navigation?.ts;
  const loaded = navigation?.args?.data?.documentLoaderURL;
  if (start === undefined || !loaded) throw new TraceIncomplete(`No navigationStart for ${url} in the trace`);
  return {
    response_ms: measured.response,
    first_paint_ms: measured.fcp,
    live_ms: measured.live,
    before_paint: breakdown(events, loaded, start, start + measured.fcp * 1000),
    before_live: breakdown(events, loaded, start, start + measured.live * 1000),
  };
}

/**
 * tracePage, again (twice at most) when the trace lacks the events it reads: now and then Chromium
 * drops a navigation's first events from the trace.
 */
async function traceWithRetry(browser: Browser, url: string, selector: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await tracePage(browser, url, selector);
    } catch (error) {
      if (attempt === 3 || !(error instanceof TraceIncomplete)) throw error;
      console.error(`${(error as Error).message}; tracing ${url} again`);
    }
  }
}

class TraceIncomplete extends Error {}

function medianOf(runs: Awaited<ReturnType<typeof tracePage>>[]) {
  const part = (key: "before_paint" | "before_live") =>
    Object.fromEntries(KINDS.map((k) => [k, round(median(runs.map((r) => r[key][k])))]));
  return {
    response_ms: round(median(runs.map((r) => r.response_ms))),
    first_paint_ms: round(median(runs.map((r) => r.first_paint_ms))),
    live_ms: round(median(runs.map((r) => r.live_ms))),
    before_paint: part("before_paint"),
    before_live: part("before_live"),
  };
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  if (!fs.existsSync(catalog)) throw new Error(`Run npm run bench:matrix once first: it writes ${catalog}`);
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  buildIfStale();
  const floor = http
    .createServer((_, response) =>
      response.end(
        '<!doctype html><html><head><title>Floor</title></head><body><table role="grid"><tr><td>cell</td></tr></table></body></html>',
      ),
    )
    .listen(0, "127.0.0.1");
  await new Promise((resolve) => floor.once("listening", resolve));
  const floorUrl = `http://127.0.0.1:${(floor.address() as { port: number }).port}/`;
  const server = await serveApp(catalog, PORT, 120_000);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const base = `http://127.0.0.1:${PORT}`;
  const pages: [string, string, string][] = [
    ["browser-floor", floorUrl, "td"],
    ["app-floor", `${base}/sign-in`, "h1"],
    ["compare-2", `${base}/compare?fw=synthetic-0001,synthetic-0002&transpose=1`, "[role=grid] td"],
    ["compare-2000", `${base}/compare?all=1&transpose=1`, "[role=grid] td"],
    ["catalog", `${base}/frameworks`, '[data-testid="framework-card"] h2'],
  ];
  try {
    for (const [, url, selector] of pages) await tracePage(browser, url, selector); // warm the server
    for (const [scenario, url, selector] of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await traceWithRetry(browser, url, selector));
      printBenchLine("page-trace", { scenario, ...medianOf(runs), runs: runs.length });
    }
  } finally {
    await browser.close();
    await stopApp(server);
    floor.close();
  }
}

declare global {
  interface Window {
    next?: unknown;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
