import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BriefingDocument } from "@/components/share/briefing-document";
import { createBriefing } from "@/lib/briefings/create";
import { deriveBriefingContent } from "@/lib/briefings/doc/content";
import { LocalBriefingStore } from "@/lib/briefings/doc/store";
import { briefingLog } from "@/lib/briefings/doc/update-log";
import { yDocFromUpdates } from "@/lib/briefings/doc/ydoc";
import { mentionNotifier } from "@/lib/notifications/document-mentions";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { deepUpdate } from "@/lib/test/deep-doc";
import { buildUser } from "@/lib/test/fixtures";
import { loadExportDocument } from "./document";
import { EXPORT_FORMATS, renderExport } from "./index";

const LEVELS = 20_000;

// A document stored before the server refused deep updates must not brick the briefing: every
// reader derives it (flattened at the depth limit) instead of overflowing the stack.
describe.each(PROVIDERS)("a briefing stored 20,000 levels deep on %s", (provider) => {
  let t: TestDatabase;
  let briefingId: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const ownerId = (await t.db.user.create({ data: buildUser() })).id;
    briefingId = (await createBriefing(t.db, { title: "Bricked?", ownerId, template: "blank" })).id;
    await briefingLog(t.db).append(briefingId, deepUpdate(LEVELS, "bottom text"));
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("derives its text and JSON, and the store writes them", async () => {
    const doc = yDocFromUpdates([deepUpdate(LEVELS, "bottom text")]);
    const { json, text } = deriveBriefingContent(doc);
    expect(text).toBe("bottom text");
    expect(() => JSON.stringify(json)).not.toThrow();

    const store = new LocalBriefingStore(briefingLog(t.db), mentionNotifier(t.db));
    await store.writeContent(briefingId);
    await store.close();
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id: briefingId } });
    expect(row.contentText).toBe("bottom text");
  });

  it.each(EXPORT_FORMATS)("exports it as %s", async (format) => {
    const document = await loadExportDocument(t.db, briefingId, { baseUrl: "https://app.example" });
    const file = await renderExport(document!, format);
    expect(file.body.length).toBeGreaterThan(0);
    if (format === "md" || format === "html") expect(file.body.toString("utf8")).toContain("bottom text");
  });

  it("renders its share page", async () => {
    const document = await loadExportDocument(t.db, briefingId, { baseUrl: "https://app.example" });
    const html = renderToStaticMarkup(createElement(BriefingDocument, { document: document! }));
    expect(html).toContain("bottom text");
  });
});
