"use client";

import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { deleteWebhook, sendTestEvent, setWebhookActive } from "@/lib/webhooks/actions";
import type { WebhookScope } from "@/lib/webhooks/schema";
import type { DeliveryView, WebhookView } from "@/lib/webhooks/store";
import { deliveryStatus, formatWhen } from "./format";

export type WebhookItemProps = { scope: WebhookScope; webhook: WebhookView; deliveries: DeliveryView[] };

/** One webhook: where it calls, what it sends, its state and last delivery, its actions and deliveries. */
export function WebhookItem({ scope, webhook, deliveries }: WebhookItemProps) {
  const ping = useAction(sendTestEvent);
  const toggle = useAction(setWebhookActive);
  const remove = useAction(deleteWebhook);
  const [pinged, setPinged] = useState<string | null>(null);
  const ref = { ...scope, webhookId: webhook.id };
  const last = webhook.lastDelivery;
  return (
    <li className="webhooks__item" data-testid="webhook" aria-label={`Webhook ${webhook.url}`}>
      <div className="webhooks__head">
        <code className="webhooks__url">{webhook.url}</code>
        <span className={`badge ${webhook.active ? "badge--active" : "badge--defunct"}`}>
          {webhook.active ? "On" : "Off"}
        </span>
      </div>
      {webhook.disabledReason ? (
        <p className="notice" role="note">
          {webhook.disabledReason} Fix the receiver, then turn the webhook on again.
        </p>
      ) : null}
      <p className="muted">
        Sends {webhook.events.join(", ")} · secret <code>{webhook.secretPrefix}…</code> · added by {webhook.createdBy}
      </p>
      <p data-testid="webhook-last-delivery">
        Last delivery:{" "}
        {last ? (
          <>
            <strong>{deliveryStatus(last.status, last.responseStatus)}</strong> {formatWhen(last.at)}
            {last.error && last.status !== "succeeded" ? <span className="muted"> · {last.error}</span> : null}
          </>
        ) : (
          "none yet"
        )}
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={ping.pending || !webhook.active}
          onClick={() => {
            setPinged(null);
            ping.run(ref, (r) =>
              setPinged(
                r.status === "succeeded"
                  ? `Test event delivered (HTTP ${r.responseStatus}).`
                  : `Test event not delivered: ${r.error ?? deliveryStatus(r.status, r.responseStatus)}`,
              ),
            );
          }}
        >
          {ping.pending ? "Sending…" : "Send test event"}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={toggle.pending}
          onClick={() => toggle.run({ ...ref, active: !webhook.active })}
        >
          {webhook.active ? "Turn off" : "Turn on"}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={remove.pending}
          onClick={() => {
            if (window.confirm(`Delete the webhook to ${webhook.url} and its delivery history?`)) remove.run(ref);
          }}
        >
          Delete
        </button>
      </div>
      <FormStatus error={ping.error ?? toggle.error ?? remove.error} success={pinged} />
      <details className="webhooks__deliveries">
        <summary>Recent deliveries ({deliveries.length})</summary>
        {deliveries.length ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">
                Last {deliveries.length} deliveries to {webhook.url}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last attempt</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id} data-testid="webhook-delivery">
                    <td>
                      <code>{d.event}</code>
                    </td>
                    <td>{deliveryStatus(d.status, d.responseStatus)}</td>
                    <td>{d.attempts}</td>
                    <td>{formatWhen(d.lastAttemptAt, "Not yet")}</td>
                    <td className="webhooks__detail">
                      {d.nextAttemptAt ? `Next try ${formatWhen(d.nextAttemptAt)}. ` : null}
                      {d.error ?? d.responseExcerpt ?? ""}
                      {d.durationMs !== null ? <span className="muted"> ({d.durationMs} ms)</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">Nothing sent yet. Use “Send test event” to try the receiver.</p>
        )}
      </details>
    </li>
  );
}
