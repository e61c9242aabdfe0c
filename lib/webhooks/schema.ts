import { z } from "zod";
import { briefingId } from "@/lib/briefings/schema";
import { WEBHOOK_EVENT_NAMES } from "./events";
import { refusedUrl, urlPolicy } from "./url-policy";

/** Webhooks one briefing or one team may have. */
export const MAX_WEBHOOKS_PER_SCOPE = 10;
export const MAX_WEBHOOK_URL_LENGTH = 2000;

const id = z.string().trim().min(1).max(64);

/** A webhook URL: https (or loopback in development), no credentials, no private address in production. */
export const webhookUrl = z
  .string("Enter the URL to call.")
  .trim()
  .min(1, "Enter the URL to call.")
  .max(MAX_WEBHOOK_URL_LENGTH, `URLs are at most ${MAX_WEBHOOK_URL_LENGTH} characters.`)
  .superRefine((value, ctx) => {
    const refused = refusedUrl(value, urlPolicy());
    if (refused) ctx.addIssue({ code: "custom", message: refused });
  });

export const webhookEvents = z
  .array(z.enum(WEBHOOK_EVENT_NAMES, "Unknown event."), "Choose at least one event.")
  .min(1, "Choose at least one event.")
  .max(WEBHOOK_EVENT_NAMES.length)
  .transform((events) => [...new Set(events)]);

/** Where a webhook belongs: exactly one briefing or one team. */
const scope = { briefingId: briefingId.optional(), teamId: id.optional() };
const oneScope = (value: { briefingId?: string; teamId?: string }) => !value.briefingId !== !value.teamId;
const oneScopeMessage = { message: "Name either a briefing or a team.", path: ["form"] };

export const createWebhookSchema = z
  .object({ ...scope, url: webhookUrl, events: webhookEvents })
  .refine(oneScope, oneScopeMessage);
export const webhookRefSchema = z.object({ ...scope, webhookId: id }).refine(oneScope, oneScopeMessage);
export const setWebhookActiveSchema = z
  .object({ ...scope, webhookId: id, active: z.boolean("Say whether the webhook is on.") })
  .refine(oneScope, oneScopeMessage);

/** The API's body for POST /api/v1/briefings/:id/webhooks. */
export const apiCreateWebhookSchema = z.object({ url: webhookUrl, events: webhookEvents });

/** A webhook's scope as the store takes it. */
export type WebhookScope = { briefingId: string } | { teamId: string };

/** The scope named by parsed action input (the schemas guarantee exactly one). */
export function scopeOf(data: { briefingId?: string; teamId?: string }): WebhookScope {
  return data.briefingId ? { briefingId: data.briefingId } : { teamId: data.teamId ?? "" };
}
