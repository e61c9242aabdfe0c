"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { createToken, revokeToken } from "@/lib/tokens/actions";
import type { ApiTokenListItem } from "@/lib/tokens/store";

export type ApiTokensProps = { tokens: ApiTokenListItem[]; maxTokens: number };

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : "never";
}

/** Personal access tokens for /api/v1: create (the secret is shown once), list, revoke. */
export function ApiTokens({ tokens, maxTokens }: ApiTokensProps) {
  const create = useAction(createToken);
  const revoke = useAction(revokeToken);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div>
      <form
        className="form"
        aria-label="New access token"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          create.run({ name: String(data.get("name")), scope: String(data.get("scope")) }, (created) => {
            setSecret(created.secret);
            form.reset();
          });
        }}
      >
        <div className="field">
          <label htmlFor="token-name">Token name</label>
          <input id="token-name" name="name" maxLength={80} required />
        </div>
        <div className="field">
          <label htmlFor="token-scope">Scope</label>
          <select id="token-scope" name="scope" defaultValue="read">
            <option value="read">Read only</option>
            <option value="write">Read and write</option>
          </select>
        </div>
        <FormStatus error={create.error} />
        <button type="submit" className="button" disabled={create.pending || tokens.length >= maxTokens}>
          {create.pending ? "Creating…" : "Create token"}
        </button>
      </form>
      {secret && (
        <div role="status" className="form-success">
          <p>Copy this token now; it will not be shown again.</p>
          <code data-testid="new-token-secret">{secret}</code> <CopyButton text={secret} label="Copy token" />
        </div>
      )}
      <FormStatus error={revoke.error} />
      {tokens.length === 0 ? (
        <p>No active tokens.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Active access tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col">Token</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.scope}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{when(token.createdAt)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={revoke.pending}
                    onClick={() => revoke.run({ tokenId: token.id })}
                  >
                    Revoke {token.name}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
