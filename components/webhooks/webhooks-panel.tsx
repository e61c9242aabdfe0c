import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { MAX_WEBHOOKS_PER_SCOPE, type WebhookScope } from "@/lib/webhooks/schema";
import { listDeliveries, listWebhooks } from "@/lib/webhooks/store";
import { WebhooksManager } from "./webhooks-manager";

export type WebhooksPanelProps = { scope: WebhookScope };

/**
 * The webhooks of a briefing (for its owner) or of a team (for its admins), with each one's last
 * 20 deliveries; renders nothing for anyone else. A server component that loads its own data.
 */
export async function WebhooksPanel({ scope }: WebhooksPanelProps) {
  const user = await getCurrentUser();
  const db = getDb();
  const permission =
    "briefingId" in scope
      ? ({ action: "briefing:manage-webhooks", briefingId: scope.briefingId } as const)
      : ({ action: "team:manage", teamId: scope.teamId } as const);
  if (!user || !(await can(db, user, permission))) return null;
  const webhooks = await listWebhooks(db, scope);
  const deliveries = Object.fromEntries(
    await Promise.all(webhooks.map(async (hook) => [hook.id, await listDeliveries(db, hook.id)] as const)),
  );
  const events = Object.entries(WEBHOOK_EVENTS).map(([name, label]) => ({ name, label }));
  return (
    <WebhooksManager
      scope={scope}
      webhooks={webhooks}
      deliveries={deliveries}
      events={events}
      max={MAX_WEBHOOKS_PER_SCOPE}
    />
  );
}
