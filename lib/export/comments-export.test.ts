// Exports with comments through the real routes on SQLite and PostgreSQL: threads anchored with
// Yjs relative positions land on their text in every format (Word comments read back from the
// DOCX's XML; marks and the appendix in Markdown, HTML and PDF text), a quote-only thread is found
// by its quote, a thread whose text was deleted is kept; and who may have them: default without,
// a share link only when created "with comments", a stranger refused.
import { strFromU8, unzipSync } from "fflate";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getAuth } from "@/lib/auth/auth";
import { createBriefing } from "@/lib/briefings/create";
import { toBytes } from "@/lib/briefings/doc/update-log";
import { encodeAnchor } from "@/lib/comments/anchor";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { insertShareLink } from "@/lib/shares/queries";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";

const sessionRoute = await import("@/app/api/briefings/[id]/export/route");
const apiRoute = await import("@/app/api/v1/briefings/[id]/export/route");

const CONTENT = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Findings" }] },
    {
      type: "paragraph",
      content: [{ type: "text", text: "The alliance ratified the treaty in 2024. Members disagree on funding." }],
    },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "A second paragraph with a " },
        { type: "text", text: "bold", marks: [{ type: "bold" }] },
        { type: "text", text: " word." },
      ],
    },
    { type: "paragraph", content: [{ type: "text", text: "Deleted sentence here." }] },
  ],
};

/** The paragraph texts of the briefing's Yjs document (index 0 is the heading). */
function textAt(doc: Y.Doc, index: number): Y.XmlText {
  const element = doc.getXmlFragment(BRIEFING_FRAGMENT).get(index) as Y.XmlElement;
  return element.get(0) as Y.XmlText;
}

/** An anchor on `quote` inside block `index`, made as the editor makes them (both ends tied to the character before). */
function anchorOn(doc: Y.Doc, index: number, quote: string) {
  const text = textAt(doc, index);
  const start = text.toString().indexOf(quote);
  return encodeAnchor(
    Y.createRelativePositionFromTypeIndex(text, start, -1),
    Y.createRelativePositionFromTypeIndex(text, start + quote.length, -1),
  );
}

/** The text Word shows inside comment `id`'s range in document.xml. */
function commentedText(documentXml: string, id: number): string {
  const start = documentXml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = documentXml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  if (start < 0 || end < start) return "";
  return [...documentXml.slice(start, end).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe.each(PROVIDERS)("exports with comments on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let id = "";
  let plainLink = "";
  let commentsLink = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    for (const name of ["Owner", "Viewer", "Stranger"]) u[name] = await signUp(getAuth(t.db), name);
    ({ id } = await createBriefing(t.db, {
      title: "Reviewed",
      ownerId: u.Owner!.id,
      template: "blank",
      content: CONTENT,
    }));
    await t.db.briefingGrant.create({ data: { briefingId: id, userId: u.Viewer!.id, role: "viewer" } });
    // The stored state, anchors made on it, then the last sentence deleted (as a later edit).
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id }, select: { yState: true } });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row.yState!));
    const anchors = {
      treaty: anchorOn(doc, 1, "ratified the treaty"),
      funding: anchorOn(doc, 1, "disagree on funding"),
      deleted: anchorOn(doc, 3, "Deleted sentence"),
    };
    textAt(doc, 3).delete(0, "Deleted sentence".length);
    await t.db.briefing.update({
      where: { id },
      data: { yState: toBytes(Y.encodeStateAsUpdate(doc)), yStateVersion: { increment: 1 } },
    });
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
    const thread = async (
      key: string,
      fields: { quote: string; anchor?: string; resolvedAt?: Date },
      comments: [string, string][],
    ) => {
      for (const [i, [author, body]] of comments.entries()) {
        await t.db.comment.create({
          data: {
            id: i ? `${key}-r${i}` : key,
            threadId: key,
            briefingId: id,
            authorId: u[author]!.id,
            body,
            ...(i ? {} : fields),
            createdAt: at(i),
          },
        });
      }
    };
    // Made in an order unlike the text's, to see the numbering follow the text.
    await thread("t-funding", { quote: "disagree on funding", anchor: JSON.stringify(anchors.funding) }, [
      ["Viewer", "Which members?"],
    ]);
    await thread(
      "t-treaty",
      { quote: "ratified the treaty", anchor: JSON.stringify(anchors.treaty), resolvedAt: at(5) },
      [
        ["Owner", "Source for this? @[Viewer](user:V1)"],
        ["Viewer", "Ministry statement,\nsee annex."],
      ],
    );
    await t.db.commentEvent.create({
      data: { briefingId: id, threadId: "t-treaty", commentId: "t-treaty", kind: "resolved", actorId: u.Owner!.id },
    });
    await thread("t-bold", { quote: "bold word" }, [["Owner", "Quote-only thread"]]);
    await thread("t-gone", { quote: "Deleted sentence", anchor: JSON.stringify(anchors.deleted) }, [
      ["Owner", "This went away"],
    ]);
    plainLink = (await insertShareLink(t.db, { briefingId: id, createdById: u.Owner!.id })).token;
    commentsLink = (await insertShareLink(t.db, { briefingId: id, createdById: u.Owner!.id, withComments: true }))
      .token;
  });
  afterAll(() => t?.drop());

  const get = (query: string, headers?: Headers) =>
    callRoute(sessionRoute.GET, "GET", `/api/briefings/${id}/export?${query}`, { headers, params: { id } });

  it("DOCX: each thread is a Word comment on its text, replies as replies, resolved marked done, the deleted one on the title", async () => {
    const response = await get("format=docx&comments=1", u.Viewer!.headers);
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const documentXml = strFromU8(files["word/document.xml"]!);
    const commentsXml = strFromU8(files["word/comments.xml"]!);
    const extended = strFromU8(files["word/commentsExtended.xml"]!);
    // Numbered in document order: treaty c1 (ids 0-1), funding c2 (2), bold c3 (3), deleted c4 (4).
    expect(commentedText(documentXml, 0)).toBe("ratified the treaty");
    expect(commentedText(documentXml, 2)).toBe("disagree on funding");
    expect(commentedText(documentXml, 3)).toBe("bold word");
    expect(commentedText(documentXml, 4)).toBe("Reviewed");
    expect(documentXml).toContain('<w:commentReference w:id="0"/>');
    const comment = (cid: number) =>
      new RegExp(`<w:comment [^>]*w:id="${cid}"[^>]*>([\\s\\S]*?)</w:comment>`).exec(commentsXml)?.[0] ?? "";
    expect(comment(0)).toContain('w:author="Owner"');
    expect(comment(0)).toContain("Source for this? @Viewer");
    expect(comment(0)).toContain('w:date="2026-12-01T10:00:00');
    expect(comment(1)).toContain('w:author="Viewer"');
    expect(comment(1)).toContain("see annex.");
    expect(comment(1)).toContain("Resolved by Owner");
    expect(comment(4)).toContain("On text since deleted: “Deleted sentence”");
    // Reply threading and resolved state in commentsExtended.xml.
    const paraId = (cid: number) => /w14:paraId="([0-9A-F]{8})"/.exec(comment(cid))?.[1];
    expect(extended).toContain(`w15:paraId="${paraId(1)}" w15:paraIdParent="${paraId(0)}" w15:done="1"`);
    expect(extended).toMatch(new RegExp(`w15:paraId="${paraId(2)}"[^/]*w15:done="0"`));
  });

  it("Markdown, HTML and PDF: a numbered mark after the commented text and a Comments appendix", async () => {
    const md = await (await get("format=md&comments=1", u.Owner!.headers)).text();
    expect(md).toContain("ratified the treaty\\[c1\\]");
    expect(md).toContain("disagree on funding\\[c2\\]");
    expect(md).toContain("## Comments");
    expect(md).toMatch(
      /\*\*\\\[c1\\\]\*\* On “ratified the treaty” \*\(Resolved by Owner, 1 December 2026, 10:05 UTC\)\*/,
    );
    expect(md).toContain("**Viewer** · 1 December 2026, 10:01 UTC");
    expect(md).toContain("On text since deleted: “Deleted sentence”");
    const html = await (await get("format=html&comments=1", u.Owner!.headers)).text();
    expect(html).toContain('ratified the treaty<sup class="comment-ref">[c1]</sup>');
    expect(html).toMatch(/<h2[^>]*>Comments<\/h2>/);
    expect(html).toContain("Which members?");
    const pdf = Buffer.from(await (await get("format=pdf&comments=1", u.Owner!.headers)).arrayBuffer());
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(text).toContain("ratified the treaty[c1]");
    expect(text).toContain("Comments");
    expect(text).toContain("Source for this? @Viewer");
    expect(text).toContain("(Open)");
  });

  it("without comments=1 no export carries them", async () => {
    const md = await (await get("format=md", u.Owner!.headers)).text();
    expect(md).not.toContain("[c1]");
    expect(md).not.toContain("Which members?");
    const files = unzipSync(new Uint8Array(await (await get("format=docx", u.Owner!.headers)).arrayBuffer()));
    expect(files["word/comments.xml"]).toBeUndefined();
    expect(strFromU8(files["word/document.xml"]!)).not.toContain("commentRangeStart");
  });

  it("permissions: a share link only with comments, strangers refused, bad values 400", async () => {
    // A link opens nothing beyond what it shows: answered like a missing page, as its comment list is.
    const plain = await get(`format=md&comments=1&share=${plainLink}`);
    expect(plain.status).toBe(404);
    const plainDefault = await (await get(`format=md&share=${plainLink}`)).text();
    expect(plainDefault).not.toContain("Which members?");
    const shared = await get(`format=md&comments=1&share=${commentsLink}`);
    expect(shared.status).toBe(200);
    expect(await shared.text()).toContain("Which members?");
    expect((await get("format=md&comments=1", u.Stranger!.headers)).status).toBe(404);
    expect((await get("format=md&comments=1")).status).toBe(401);
    expect((await get("format=md&comments=yes", u.Owner!.headers)).status).toBe(400);
  });

  it("the /api/v1 export takes comments=1 with the same rules", async () => {
    const call = (query: string, headers: Headers) =>
      callRoute(apiRoute.GET, "GET", `/api/v1/briefings/${id}/export?${query}`, { headers, params: { id } });
    const viewer = (await bearer(t.db, u.Viewer!.id, "read")).headers;
    const withComments = await call("format=md&comments=1", viewer);
    expect(withComments.status).toBe(200);
    expect(await withComments.text()).toContain("Quote-only thread");
    expect(await (await call("format=md", viewer)).text()).not.toContain("Quote-only thread");
    const stranger = (await bearer(t.db, u.Stranger!.id, "read")).headers;
    expect((await call("format=md&comments=1", stranger)).status).toBe(404);
    expect((await call("format=md&comments=2", viewer)).status).toBe(400);
  });
});
