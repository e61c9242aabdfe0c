// briefing.updated end to end: a real collaboration server stores a y-websocket client's edit, the
// room's "stored" hook reports it, and the running delivery loop sends it to a real receiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBriefing } from "@/lib/briefings/create";
import {
  connectClient,
  eventually,
  startTestCollabServer,
  statusReached,
  synced,
  type TestCollabServer,
} from "@/lib/test/collab";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { startWebhookReceiver } from "@/lib/test/webhook-receiver";
import { appendParagraph } from "@/lib/test/ydoc";
import { webhookHooks } from "@/server/collab/webhook-hooks";
import { flushBriefingUpdated, UPDATED_DEBOUNCE_MS } from "./events";
import { createWebhook } from "./store";
import { startWebhookDelivery } from "./worker";

describe.each(PROVIDERS)("briefing.updated from the collaboration server on %s", (provider) => {
  let t: TestDatabase;
  let server: TestCollabServer;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    server = await startTestCollabServer(t, { idleUnloadMs: 60_000, hooks: [webhookHooks] });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await stop?.();
    await server?.close();
    await receiver?.close();
    await t?.drop();
  });

  it("sends one signed briefing.updated after edits are stored", async () => {
    const ownerId = (await t.db.user.create({ data: buildUser() })).id;
    const { id: briefingId } = await createBriefing(t.db, { title: "Live", ownerId, template: "blank" });
    const hook = await createWebhook(t.db, {
      scope: { briefingId },
      url: receiver.url,
      events: ["briefing.updated"],
      createdById: ownerId,
    });
    receiver.state.secret = hook.secret;
    // The loop's clock runs past the debounce window, so the test need not wait 30 s.
    stop = startWebhookDelivery(t.db, { pollMs: 50, now: () => new Date(Date.now() + UPDATED_DEBOUNCE_MS + 1_000) });

    const client = connectClient(server.url, briefingId, "alice");
    try {
      await synced(client);
      appendParagraph(client.doc, "first");
      appendParagraph(client.doc, "second");
      await statusReached(client, "saved");
      await flushBriefingUpdated(); // instead of waiting for the 2 s local coalescing
      // The receiver answers before the loop records the answer: wait for the record.
      const delivered = async () => (await t.db.webhookDelivery.count({ where: { status: "succeeded" } })) === 1;
      await eventually(delivered, 10_000, "a recorded delivery");
    } finally {
      client.destroy();
    }
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ event: "briefing.updated", verified: true });
    expect(JSON.parse(receiver.received[0]!.body).data.briefing).toMatchObject({ id: briefingId, title: "Live" });
    expect(await t.db.webhookDelivery.count()).toBe(1);
  });
});
