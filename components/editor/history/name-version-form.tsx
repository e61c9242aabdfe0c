"use client";

import { useId, useState } from "react";
import { VERSION_LIMITS } from "@/lib/versions/schema";
import type { VersionSummary } from "@/lib/versions/service";
import { historyApi } from "./api";

export type NameVersionFormProps = { briefingId: string; onNamed: (version: VersionSummary) => void };

/** Names the current document ("Sent to Director"); the typed name stays when the server refuses. */
export function NameVersionForm({ briefingId, onNamed }: NameVersionFormProps) {
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setError("Give the version a name.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { version } = await historyApi.name(briefingId, trimmed);
      setName("");
      onNamed(version);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="history-name"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id}>Name the current version</label>
      <div className="history-name__row">
        <input
          id={id}
          value={name}
          maxLength={VERSION_LIMITS.nameLength}
          placeholder="e.g. Sent to Director"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit" className="button button--small" disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
