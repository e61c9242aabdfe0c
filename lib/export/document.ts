import type { JSONContent } from "@tiptap/core";
import { appUrl } from "@/lib/auth/auth";
import { loadCurrentContent } from "@/lib/briefings/doc/current";
import { loadExportClearance } from "@/lib/clearance/export";
import type { Db } from "@/lib/db";
import { applyMarking, type MarkingExportOptions } from "@/lib/marking/export";
import { getBriefingMarking } from "@/lib/marking/queries";
import { versionLabel } from "@/lib/versions/label";
import { loadVersionContent } from "@/lib/versions/store";
import { blocksOf, collectEmbeds } from "./blocks";
import { loadLiveCards, resolveCard } from "./cards";
import { loadCommentedContent, loadVersionCommentedContent } from "./comment-threads";
import { loadComparisons, matrixView } from "./comparisons";
import { SourceRegistry } from "./sources";
import { displayDateTime, neutralizeDocument } from "./text";
import type { ExportDocument, ExportThread, Note } from "./types";

export type ExportOptions = {
  /** The date printed on the title page (default: now). */
  now?: Date;
  /** Public base URL for links to framework pages (default: APP_URL). */
  baseUrl?: string;
  /**
   * Print the Clearance page (who cleared, answers, comments, dissent). For callers who are
   * users allowed to read the briefing; a share link's holder sees the text, not the deliberation.
   */
  clearance?: boolean;
  /**
   * Export this version of the briefing (an id) instead of the current content, "As of <name,
   * time>" on the title page; with `comments`, the threads as they stood at its time; with
   * `clearance`, the latest clearance of that version.
   */
  version?: string;
  /** Release filter and marking enforcement (lib/marking/export.ts); the banner is computed either way. */
  marking?: MarkingExportOptions;
  /**
   * Load the comment threads too, placed in the text (lib/export/comment-threads.ts). Only for
   * callers that checked briefing:read-comments.
   */
  comments?: boolean;
};

async function loadVersionForExport(
  db: Db,
  briefingId: string,
  version: { id: string; createdAt: Date },
  comments: boolean,
): Promise<{ json: JSONContent; threads: ExportThread[] | undefined } | null> {
  if (comments) return loadVersionCommentedContent(db, briefingId, version.id, version.createdAt);
  const json = await loadVersionContent(db, briefingId, version.id);
  return json ? { json, threads: undefined } : null;
}

/** "27 November 2026" (UTC): the title-page date. */
export function displayDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** Owner first, then people with a direct editor grant, then teams with editor access. */
async function loadAuthors(db: Db, briefingId: string, ownerName: string): Promise<string[]> {
  const grants = await db.briefingGrant.findMany({
    where: { briefingId, role: { in: ["editor", "owner"] } },
    select: { user: { select: { name: true } }, team: { select: { name: true } } },
  });
  const people = grants.flatMap((g) => (g.user ? [g.user.name] : [])).sort((a, b) => a.localeCompare(b));
  const teams = grants.flatMap((g) => (g.team ? [`${g.team.name} (team)`] : [])).sort((a, b) => a.localeCompare(b));
  return [...new Set([ownerName, ...people, ...teams])];
}

/**
 * Builds the document model of a briefing's ProseMirror JSON: loads every embedded card and
 * comparison in a few queries, then converts the nodes in document order, numbering the cited
 * sources as cards, matrix cells and citations are met, and the footnotes in their own sequence. Embedded comparisons obey the embed rule of the
 * briefing `briefingId` (lib/auth/permissions.ts isComparisonVisibleIn).
 */
export async function resolveContent(
  db: Db,
  briefingId: string,
  json: JSONContent,
  options: ExportOptions = {},
): Promise<Pick<ExportDocument, "blocks" | "sources" | "notes">> {
  const { slugs, comparisonIds } = collectEmbeds(json);
  const [live, comparisons] = await Promise.all([
    loadLiveCards(db, slugs),
    loadComparisons(db, briefingId, comparisonIds),
  ]);
  const base = (options.baseUrl ?? appUrl()).replace(/\/$/, "");
  const frameworkUrl = (slug: string) => `${base}/frameworks/${encodeURIComponent(slug)}`;
  const registry = new SourceRegistry();
  const notes: Note[] = [];
  const blocks = blocksOf(json, {
    card: (input) => resolveCard(input, live, registry, frameworkUrl),
    comparison: ({ comparisonId, title }) => matrixView(comparisons.get(comparisonId) ?? null, title, registry),
    // Citations share the Sources numbering with cards and matrices: one number per source.
    cite: (sources) => registry.citeAll(sources),
    note: (inlines) => notes.push({ n: notes.length + 1, inlines }),
  });
  return { blocks, sources: registry.entries, notes };
}

/**
 * Loads a briefing for export: title, authors, date, marking and its CURRENT content (from the
 * Yjs state, see loadCurrentContent), with bidi override characters removed everywhere. The
 * marking line is the banner computed from the portion marks under the briefing's profile (or its
 * legacy free-text marking when none is chosen); portion marks, the authority block and a release
 * copy's notice are part of the content (lib/marking/export.ts). The clearance printed on the
 * Clearance page is chosen by lib/clearance/export.ts. No authorization here: route
 * handlers and pages check briefing:read (or a share link) first. Null when the briefing does not
 * exist or is deleted.
 */
export async function loadExportDocument(
  db: Db,
  briefingId: string,
  options: ExportOptions = {},
): Promise<ExportDocument | null> {
  const briefing = await db.briefing.findUnique({
    where: { id: briefingId },
    select: { id: true, title: true, deletedAt: true, owner: { select: { name: true } } },
  });
  if (!briefing || briefing.deletedAt) return null;
  const version = options.version
    ? await db.briefingVersion.findFirst({
        where: { id: options.version, briefingId },
        select: { id: true, name: true, createdAt: true },
      })
    : null;
  if (options.version && !version) return null;
  const now = options.now ?? new Date();
  const [loaded, authors, marking, clearance] = await Promise.all([
    version
      ? loadVersionForExport(db, briefingId, version, Boolean(options.comments))
      : options.comments
        ? loadCommentedContent(db, briefingId)
        : loadCurrentContent(db, briefingId).then((json) => (json ? { json, threads: undefined } : null)),
    loadAuthors(db, briefingId, briefing.owner.name),
    getBriefingMarking(db, briefingId),
    options.clearance ? loadExportClearance(db, briefingId, version?.id, now) : null,
  ]);
  if (!loaded || !marking) return null;
  const { json, threads } = loaded;
  const marked = applyMarking(marking, json, options.marking);
  const preface = marked.preface.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] }));
  const body = preface.length ? { ...marked.json, content: [...preface, ...(marked.json.content ?? [])] } : marked.json;
  const content = await resolveContent(db, briefingId, body, options);
  return neutralizeDocument({
    briefingId: briefing.id,
    title: briefing.title,
    authors,
    date: version ? `As of ${versionLabel(version)}` : displayDate(now),
    exportedAt: displayDateTime(now),
    classification: marked.banner,
    ...content,
    ...(threads ? { comments: threads } : {}),
    ...(clearance ? { clearance } : {}),
  });
}
