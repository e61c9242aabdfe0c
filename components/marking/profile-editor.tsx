"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { saveMarkingProfileJson } from "@/lib/marking/actions";

export type ProfileEditorProps = { initial: string; editing: string | null };

/** Imports a profile or saves an edit of one: JSON, validated on the server, stored as a new version. */
export function ProfileEditor({ initial, editing }: ProfileEditorProps) {
  const { run, pending, error } = useAction(saveMarkingProfileJson);
  const [saved, setSaved] = useState<string | null>(null);
  const router = useRouter();
  return (
    <form
      className="form"
      aria-label="Profile JSON"
      onSubmit={(event) => {
        event.preventDefault();
        const json = String(new FormData(event.currentTarget).get("json") ?? "");
        setSaved(null);
        run({ json }, (data) => {
          setSaved(`Saved ${data.key}, version ${data.version}.`);
          router.refresh();
        });
      }}
    >
      <div className="field">
        <label htmlFor="profile-json">
          {editing ? `Profile ${editing} (JSON; saving makes a new version)` : "Import a profile (JSON)"}
        </label>
        <textarea id="profile-json" name="json" rows={18} defaultValue={initial} spellCheck={false} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Validating…" : editing ? "Save new version" : "Import profile"}
      </button>
      <FormStatus error={error} success={saved} />
    </form>
  );
}
