import type { JSONContent } from "@tiptap/core";
import type { DocumentDiff } from "@/lib/versions/diff";
import type { BlockRef } from "@/lib/versions/restore";
import type { Person, VersionSummary } from "@/lib/versions/service";

// The history panel talks to the public API with the session cookie (the same contracts as
// tokens: docs/api.md), so there is one server path for the UI and for scripts.

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new Error("The server could not be reached. Check the connection and try again.");
  }
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body as T;
}

const post = (json: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(json),
});

const base = (briefingId: string) => `/api/v1/briefings/${encodeURIComponent(briefingId)}`;

export const historyApi = {
  list: (briefingId: string) => call<{ versions: VersionSummary[] }>(`${base(briefingId)}/versions`),
  name: (briefingId: string, name: string) =>
    call<{ version: VersionSummary }>(`${base(briefingId)}/versions`, post({ name })),
  content: (briefingId: string, versionId: string) =>
    call<{ version: VersionSummary; content: JSONContent }>(
      `${base(briefingId)}/versions/${encodeURIComponent(versionId)}/content?format=json`,
    ),
  diff: (briefingId: string, from: string, to: string) =>
    call<{ diff: DocumentDiff; authors: Person[] }>(
      `${base(briefingId)}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    ),
  restore: (briefingId: string, versionId: string, block?: BlockRef) =>
    call<{ version: VersionSummary }>(
      `${base(briefingId)}/versions/${encodeURIComponent(versionId)}/restore`,
      post(block ? { block } : {}),
    ),
  propose: (briefingId: string, from: string, to: string) =>
    call<{ proposed: number; skipped: string[] }>(`${base(briefingId)}/diff/propose`, post({ from, to })),
  exportUrl: (briefingId: string, versionId: string, format: string) =>
    `${base(briefingId)}/versions/${encodeURIComponent(versionId)}/export?format=${format}`,
};
