"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { createWebhook } from "@/lib/webhooks/actions";
import type { WebhookScope } from "@/lib/webhooks/schema";
import type { DeliveryView, WebhookView } from "@/lib/webhooks/store";
import { WebhookItem } from "./webhook-item";
import "./webhooks.css";

export type WebhooksManagerProps = {
  scope: WebhookScope;
  webhooks: WebhookView[];
  deliveries: Record<string, DeliveryView[]>;
  events: { name: string; label: string }[];
  max: number;
};

/** Add a webhook (its secret is shown once), and the list of webhooks with their deliveries. */
export function WebhooksManager({ scope, webhooks, deliveries, events, max }: WebhooksManagerProps) {
  const create = useAction(createWebhook);
  const [secret, setSecret] = useState<string | null>(null);
  const full = webhooks.length >= max;
  return (
    <div className="webhooks" data-testid="webhooks">
      <form
        className="form"
        aria-label="New webhook"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          setSecret(null);
          const input = { ...scope, url: String(data.get("url") ?? ""), events: data.getAll("events").map(String) };
          create.run(input, (created) => {
            setSecret(created.secret);
            form.reset();
          });
        }}
      >
        <div className="field">
          <label htmlFor="webhook-url">Payload URL</label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://example.org/hooks/briefings"
            maxLength={2000}
            required
            aria-invalid={create.fieldErrors.url ? true : undefined}
            aria-describedby={create.fieldErrors.url ? "webhook-url-error" : undefined}
          />
          {create.fieldErrors.url ? (
            <span id="webhook-url-error" className="field-error">
              {create.fieldErrors.url[0]}
            </span>
          ) : null}
        </div>
        <fieldset className="webhooks__events">
          <legend>Events to send</legend>
          {events.map((e, i) => (
            <label key={e.name} className="webhooks__event">
              <input type="checkbox" name="events" value={e.name} defaultChecked={i === 0} />
              <code>{e.name}</code> <span className="muted">{e.label}</span>
            </label>
          ))}
        </fieldset>
        <FormStatus error={create.error} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={create.pending || full}>
            {create.pending ? "Adding…" : "Add webhook"}
          </button>
          {full ? <span className="muted">At most {max} webhooks; delete one to add another.</span> : null}
        </div>
      </form>
      {secret ? (
        <div className="notice webhooks__secret" role="status">
          <p>
            <strong>Copy the signing secret now: it is shown only once.</strong> Your receiver uses it to check the{" "}
            <code>X-Webhook-Signature</code> header of every delivery.
          </p>
          <div className="share-links__new-url">
            <input
              readOnly
              value={secret}
              aria-label="Signing secret"
              data-testid="webhook-secret"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={secret} label="Copy secret" />
          </div>
        </div>
      ) : null}
      {webhooks.length ? (
        <ul className="webhooks__list" aria-label="Webhooks">
          {webhooks.map((hook) => (
            <WebhookItem key={hook.id} scope={scope} webhook={hook} deliveries={deliveries[hook.id] ?? []} />
          ))}
        </ul>
      ) : (
        <p className="muted">No webhooks yet. Add one to have another system told when something happens here.</p>
      )}
    </div>
  );
}
