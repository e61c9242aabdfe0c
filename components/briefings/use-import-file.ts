"use client";

import { useState } from "react";

type Imported = { id: string; notices: string[] };

/** Uploads a .docx/.md file to create a briefing (POST /api/v1/briefings, multipart, session cookie). */
export function useImportFile() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);

  async function upload(fields: {
    file: File;
    title: string;
    teamId: string;
    /** A Word file's tracked changes: "suggest" (kept as suggestions), "accept" or "reject" all. */
    trackedChanges: string;
  }): Promise<Imported | null> {
    setPending(true);
    setError(null);
    try {
      const form = new FormData();
      form.set("file", fields.file);
      form.set("title", fields.title);
      if (fields.teamId) form.set("teamId", fields.teamId);
      form.set("trackedChanges", fields.trackedChanges);
      const response = await fetch("/api/v1/briefings", { method: "POST", body: form });
      const body = (await response.json().catch(() => null)) as {
        id?: string;
        import?: { notices: string[] };
        error?: { message: string };
      } | null;
      if (!response.ok || !body?.id) {
        setError(body?.error?.message ?? "The file could not be imported. Nothing was created.");
        return null;
      }
      const result = { id: body.id, notices: body.import?.notices ?? [] };
      setImported(result);
      return result;
    } catch {
      setError("The upload did not reach the server. Check your connection and try again.");
      return null;
    } finally {
      setPending(false);
    }
  }
  return { upload, pending, error, imported };
}
