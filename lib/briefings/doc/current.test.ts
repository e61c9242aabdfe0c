import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { heading, paragraph, writeBriefingContent } from "@/lib/test/export-fixture";
import { buildUser } from "@/lib/test/fixtures";
import { createBriefing } from "../create";
import { loadCurrentContent } from "./current";
import { briefingLog } from "./update-log";

const texts = (json: Awaited<ReturnType<typeof loadCurrentContent>>) =>
  (json?.content ?? []).map((node) => node.content?.map((c) => c.text).join("") ?? "");

describe.each(PROVIDERS)("loadCurrentContent on %s", (provider) => {
  let t: TestDatabase;
  let briefingId = "";
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const owner = await t.db.user.create({ data: buildUser() });
    ({ id: briefingId } = await createBriefing(t.db, { title: "Live", ownerId: owner.id, template: "policy-brief" }));
  });
  afterAll(() => t?.drop());

  it("follows every stored change (logged updates and compactions) despite its cache", async () => {
    expect(texts(await loadCurrentContent(t.db, briefingId))[0]).toBe("Summary");
    await writeBriefingContent(t.db, briefingId, { type: "doc", content: [heading(2, "First edit")] });
    expect(texts(await loadCurrentContent(t.db, briefingId))).toEqual(["First edit"]);
    await writeBriefingContent(t.db, briefingId, {
      type: "doc",
      content: [heading(2, "Second edit"), paragraph({ type: "text", text: "More" })],
    });
    expect(texts(await loadCurrentContent(t.db, briefingId))).toEqual(["Second edit", "More"]);
    const compacted = await briefingLog(t.db).compact(briefingId);
    expect(compacted.status).toBe("compacted");
    expect(texts(await loadCurrentContent(t.db, briefingId))).toEqual(["Second edit", "More"]);
    // The derived JSON column is not what is read: it still holds the template.
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id: briefingId }, select: { contentJson: true } });
    expect(row.contentJson).toContain("Summary");
  });

  it("reads contentJson for a briefing without Yjs state, and null for a missing one", async () => {
    const owner = await t.db.user.create({ data: buildUser() });
    const legacy = await t.db.briefing.create({
      data: {
        title: "Old",
        ownerId: owner.id,
        contentJson: JSON.stringify({ type: "doc", content: [heading(1, "Legacy")] }),
      },
    });
    expect(texts(await loadCurrentContent(t.db, legacy.id))).toEqual(["Legacy"]);
    expect(await loadCurrentContent(t.db, "missing")).toBeNull();
  });
});
