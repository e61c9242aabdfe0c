// `npm run bench:versions`: a briefing with a 100,000-character history and 500 versions (each an
// automatic version after a small edit: a ~200-character paragraph typed, and every fourth time
// a word changed in an earlier paragraph), on a scratch database (BENCH_DB=postgresql for
// PostgreSQL). Then, as the API does them (authorization included), median of BENCH_RUNS (5):
//   list      GET /versions (500 summaries with their authors)
//   preview   GET /versions/:vid/content?format=json of the newest version (longest delta chain)
//   diff      GET /diff between a version and one ~50 pages (1,800 characters a page) later
// and the storage: bytes per automatic version against the document's full size (Yjs v2 state)
// at that version, averaged, checkpoints included; and `per_block_walk`, what attributing each
// changed block to its authors would cost (rebuilding and diffing every consecutive pair of the
// diff's range, measured over 50 pairs). Prints JSON lines with goal_met per goal and the load
// average. Numbers, not assertions.
import os from "node:os";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { briefingLog } from "@/lib/briefings/doc/update-log";
import type { DbProvider } from "@/lib/db";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { createTestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { noteAuthors } from "@/lib/versions/authors";
import { diffDocuments } from "@/lib/versions/diff";
import { diffVersions, getVersion, listVersions } from "@/lib/versions/service";
import { captureFromDoc, loadStoredDoc, loadVersionContent } from "@/lib/versions/store";

const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 500);
const HISTORY_CHARS = Number(process.env.BENCH_CHARS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGE_CHARS = 1_800;
/** Consecutive version pairs diffed to measure what per-block authors would cost. */
const WALK_STEPS = 50;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (x: number) => Math.round(x * 10) / 10;

const WORDS =
  "alliance posture deterrence rotation readiness burden sharing interoperability logistics command exercise forward presence capability procurement".split(
    " ",
  );

function sentence(seed: number, chars: number): string {
  let out = "";
  for (let i = seed; out.length < chars; i++) out += `${WORDS[(i * 7 + seed) % WORDS.length]} `;
  return out.slice(0, chars).trim();
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

async function main(): Promise<void> {
  const provider = (process.env.BENCH_DB ?? "sqlite") as DbProvider;
  const t = await createTestDatabase(provider);
  try {
    const users = await Promise.all(
      [0, 1, 2].map((i) => t.db.user.create({ data: buildUser({ name: `Author ${i}` }) })),
    );
    const owner = users[0]!;
    const { id } = await createBriefing(t.db, { title: "Bench history", ownerId: owner.id, template: "blank" });
    const log = briefingLog(t.db);
    const doc = (await loadStoredDoc(t.db, id))!;
    const fragment = doc.getXmlFragment(BRIEFING_FRAGMENT);
    const perVersion = Math.round(HISTORY_CHARS / VERSIONS);
    const ratios: number[] = [];
    const sizes: number[] = [];
    const versionIds: string[] = [];
    const textLengths: number[] = [];
    let textLength = 0;
    const buildStarted = performance.now();
    for (let v = 0; v < VERSIONS; v++) {
      const before = Y.encodeStateVector(doc);
      doc.transact(() => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(sentence(v, perVersion))]);
        fragment.push([paragraph]);
        textLength += perVersion;
        if (v % 4 === 3 && fragment.length > 3) {
          // A word changed in an earlier paragraph: delete one, type another.
          const target = fragment.get(1 + (v % (fragment.length - 2))) as Y.XmlElement;
          const leaf = target.get(0) as Y.XmlText;
          leaf.delete(0, Math.min(6, leaf.length));
          leaf.insert(0, "revised ");
          textLength += 2;
        }
      });
      await log.append(id, Y.encodeStateAsUpdate(doc, before));
      await noteAuthors(t.db, id, [users[v % users.length]!.id]);
      const version = await captureFromDoc(t.db, id, doc, {
        kind: "auto",
        now: new Date(Date.UTC(2026, 11, 1) + v * 60_000),
      });
      const full = Y.encodeStateAsUpdateV2(doc).length;
      ratios.push(version!.bytes / full);
      sizes.push(version!.bytes);
      versionIds.push(version!.id);
      textLengths.push(textLength);
    }
    const buildMs = performance.now() - buildStarted;
    const finalFull = Y.encodeStateAsUpdateV2(doc).length;
    doc.destroy();

    const actor = { id: owner.id, isAdmin: false, catalogEditor: false };
    const latest = versionIds.at(-1)!;
    // The diff pair: the newest version and the last one at least 50 pages of text before it.
    const fromIndex = textLengths.findLastIndex((len) => textLengths.at(-1)! - len >= 50 * PAGE_CHARS);
    const from = versionIds[Math.max(0, fromIndex)]!;
    const pagesApart = (textLengths.at(-1)! - textLengths[Math.max(0, fromIndex)]!) / PAGE_CHARS;

    await listVersions(t.db, actor, id); // warm-up
    await getVersion(t.db, actor, id, latest);
    await diffVersions(t.db, actor, id, from, latest);
    const list: number[] = [];
    const preview: number[] = [];
    const diff: number[] = [];
    let listed = 0;
    let diffBlocks = 0;
    for (let run = 0; run < RUNS; run++) {
      const l = await time(() => listVersions(t.db, actor, id));
      list.push(l.ms);
      listed = l.value.length;
      preview.push((await time(() => getVersion(t.db, actor, id, latest))).ms);
      const d = await time(() => diffVersions(t.db, actor, id, from, latest));
      diff.push(d.ms);
      diffBlocks = d.value.diff.blocks.length;
    }
    // What "who changed this" per block would cost: rebuild each version of the range and diff it
    // with the next (a lower bound: the blocks must still be mapped onto the `to` document).
    // Measured over the last WALK_STEPS pairs, extrapolated to the diff's range.
    const walkIds = versionIds.slice(-(WALK_STEPS + 1));
    const walk = await time(async () => {
      let previous = await loadVersionContent(t.db, id, walkIds[0]!);
      for (const versionId of walkIds.slice(1)) {
        const next = await loadVersionContent(t.db, id, versionId);
        diffDocuments(previous!, next!);
        previous = next;
      }
    });
    const rangeVersions = versionIds.length - 1 - Math.max(0, fromIndex);
    const checkpoints = await t.db.briefingVersion.count({ where: { briefingId: id, checkpoint: true } });
    const avgRatio = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    const common = {
      db: provider,
      versions: listed,
      history_chars: textLengths.at(-1),
      load_avg_1m: round(os.loadavg()[0] ?? 0),
      cpus: os.cpus().length,
    };
    const lines = [
      { goal: "list", ms: round(median(list)), goal_ms: 100, goal_met: median(list) <= 100 },
      { goal: "preview", ms: round(median(preview)), goal_ms: 300, goal_met: median(preview) <= 300 },
      {
        goal: "diff",
        ms: round(median(diff)),
        goal_ms: 500,
        goal_met: median(diff) <= 500,
        pages_apart: round(pagesApart),
        blocks: diffBlocks,
      },
      {
        measure: "per_block_walk",
        steps: WALK_STEPS,
        ms: round(walk.ms),
        ms_per_step: round(walk.ms / WALK_STEPS),
        range_versions: rangeVersions,
        estimated_range_ms: Math.round((walk.ms / WALK_STEPS) * rangeVersions),
      },
      {
        goal: "storage_per_auto_version",
        avg_ratio_pct: round(avgRatio * 100),
        goal_pct: 10,
        goal_met: avgRatio <= 0.1,
        avg_bytes: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
        median_bytes: median(sizes),
        final_document_bytes: finalFull,
        checkpoints,
        build_s: round(buildMs / 1000),
      },
    ];
    for (const line of lines) console.log(JSON.stringify({ ...line, ...common }));
  } finally {
    await t.drop();
  }
}

await main();
