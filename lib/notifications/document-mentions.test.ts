// @mentions in the document text, through the real derived-content write (BriefingUpdateLog
// .writeContent and notifyDocumentMentions, what the collaboration server runs after updates) on SQLite and PostgreSQL:
// a new mention notifies once, only readers, with its paragraph as excerpt; re-deriving the same
// content, keystrokes elsewhere and a removed-then-restored mention while unread notify nobody.
import type { JSONContent } from "@tiptap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBriefing } from "@/lib/briefings/create";
import { type BriefingUpdateLog, briefingLog } from "@/lib/briefings/doc/update-log";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { notifyDocumentMentions } from "./document-mentions";

const mention = (id: string, label: string) => ({ type: "mention", attrs: { id, label, mentionSuggestionChar: "@" } });
const paragraph = (...content: JSONContent[]) => ({ type: "paragraph", content });
const text = (value: string) => ({ type: "text", text: value });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

describe.each(PROVIDERS)("document mentions on %s", (provider) => {
  let t: TestDatabase;
  let log: BriefingUpdateLog;
  const owner = buildUser({ name: "Owner" });
  const reader = buildUser({ name: "Rita Reader" });
  const stranger = buildUser({ name: "Stan Stranger" });
  let briefingId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    log = briefingLog(t.db);
    for (const user of [owner, reader, stranger]) await t.db.user.create({ data: user });
    ({ id: briefingId } = await createBriefing(t.db, { title: "Brief", ownerId: owner.id, template: "blank" }));
    await t.db.briefingGrant.create({ data: { briefingId, userId: reader.id, role: "viewer" } });
  });
  afterAll(() => t?.drop());

  const write = async (json: JSONContent) =>
    notifyDocumentMentions(t.db, await log.writeContent(briefingId, { json, text: "" }));
  const mentionsOf = (userId: string) => t.db.notification.findMany({ where: { userId, kind: "mentioned" } });

  it("notifies a newly mentioned reader once, with the paragraph as excerpt, and nobody without access", async () => {
    const first = doc(
      paragraph(text("Ask "), mention(reader.id, "Rita Reader"), text(" and "), mention(stranger.id, "Stan")),
    );
    await write(first);
    const [notification] = await mentionsOf(reader.id);
    expect(notification).toMatchObject({
      briefingId,
      actorId: null,
      threadId: null,
      excerpt: "Ask @Rita Reader and @Stan",
    });
    expect(await mentionsOf(stranger.id)).toEqual([]);
    // The same content derived again, and more typing around the mention: nothing new.
    await write(first);
    await write(doc(paragraph(text("Please ask "), mention(reader.id, "Rita Reader"), text(" today"))));
    expect(await mentionsOf(reader.id)).toHaveLength(1);
    const stored = await t.db.briefing.findUniqueOrThrow({ where: { id: briefingId }, select: { contentJson: true } });
    expect(stored.contentJson).toContain(" today"); // the content itself was stored
  });

  it("does not notify again for a mention removed and restored while the first is unread; does after it was read", async () => {
    await write(doc(paragraph(text("No one"))));
    await write(doc(paragraph(mention(reader.id, "Rita Reader"))));
    expect(await mentionsOf(reader.id)).toHaveLength(1);
    await t.db.notification.updateMany({ where: { userId: reader.id }, data: { readAt: new Date() } });
    await write(doc(paragraph(text("No one"))));
    await write(doc(paragraph(mention(reader.id, "Rita Reader"))));
    expect(await mentionsOf(reader.id)).toHaveLength(2);
  });

  it("notifies someone who was given access after being mentioned when they are mentioned anew", async () => {
    await write(doc(paragraph(text("Nobody here"))));
    await t.db.briefingGrant.create({ data: { briefingId, userId: stranger.id, role: "commenter" } });
    await write(doc(paragraph(mention(stranger.id, "Stan"))));
    expect(await mentionsOf(stranger.id)).toHaveLength(1);
  });
});
