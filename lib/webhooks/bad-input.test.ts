// The webhook actions against malformed input, with the shared table-driven cases of
// lib/bad-input.test.ts: each answers 4xx with a readable message and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import {
  type ActionSpec,
  expectClientError,
  expectNoPollution,
  genericBadInputs,
  OVERSIZED,
} from "@/lib/test/bad-input";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";
import { tableSnapshot } from "@/lib/test/snapshot";

const { createAuth } = await import("@/lib/auth/auth");
const { createBriefing } = await import("@/lib/briefings/create");
const webhooks = await import("./actions");

const as = (user: TestUser | null) => {
  request.headers = user ? user.headers : new Headers();
};
const UNKNOWN = "no-such-id-0123456789";

describe.each(PROVIDERS)("webhook actions refuse malformed input on %s", (provider) => {
  let t: TestDatabase;
  let owner: TestUser;
  const ids = { briefing: "", webhook: "" };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    owner = await signUp(createAuth(t.db), "Owner");
    ids.briefing = (await createBriefing(t.db, { title: "Target", ownerId: owner.id, template: "blank" })).id;
    as(owner);
    const created = await webhooks.createWebhook({
      briefingId: ids.briefing,
      url: "https://hooks.example.org/",
      events: ["briefing.shared"],
    });
    if (!created.ok) throw new Error(created.message);
    ids.webhook = created.data.id;
  });
  afterAll(() => t?.drop());

  const ref = () => ({ briefingId: ids.briefing, webhookId: ids.webhook });
  const specs: Record<string, ActionSpec> = {
    createWebhook: {
      action: webhooks.createWebhook,
      valid: () => ({ briefingId: ids.briefing, url: "https://hooks.example.org/2", events: ["briefing.updated"] }),
      required: ["url"],
      cases: (v) => [
        ["events missing", { ...v, events: undefined }],
        ["events a string", { ...v, events: "briefing.updated" }],
        ["an unknown event", { ...v, events: ["briefing.exploded"] }],
        ["an oversized URL", { ...v, url: `https://example.org/${OVERSIZED}` }],
        ["a javascript: URL", { ...v, url: "javascript:alert(1)" }],
        ["a metadata address", { ...v, url: "https://169.254.169.254/latest" }],
        ["no scope", { ...v, briefingId: undefined }],
        ["an unknown briefing", { ...v, briefingId: UNKNOWN }],
        ["an unknown team", { ...v, briefingId: undefined, teamId: UNKNOWN }],
      ],
    },
    deleteWebhook: {
      action: webhooks.deleteWebhook,
      valid: ref,
      required: ["webhookId"],
      cases: (v) => [["an unknown webhook", { ...v, webhookId: UNKNOWN }]],
    },
    setWebhookActive: {
      action: webhooks.setWebhookActive,
      valid: () => ({ ...ref(), active: false }),
      required: ["webhookId"],
      cases: (v) => [
        ["active as text", { ...v, active: "no" }],
        ["an unknown webhook", { ...v, webhookId: UNKNOWN }],
      ],
    },
    sendTestEvent: {
      action: webhooks.sendTestEvent,
      valid: ref,
      required: ["webhookId"],
      cases: (v) => [["an unknown webhook", { ...v, webhookId: UNKNOWN }]],
    },
  };

  it.each(Object.keys(specs))("%s answers 4xx, says why and writes nothing", async (name) => {
    const spec = specs[name]!;
    const before = await tableSnapshot(t.db);
    as(null);
    expectClientError(await spec.action(spec.valid()), `${name} signed out`);
    as(owner);
    for (const [label, input] of genericBadInputs(spec)) {
      expectClientError(await spec.action(input), `${name} with ${label}`);
      expectNoPollution(`${name} with ${label}`);
    }
    expect(await tableSnapshot(t.db), `${name} wrote on bad input`).toEqual(before);
  });
});
