"use client";

import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { createBriefing } from "@/lib/briefings/actions";

export type CreateBriefingFormProps = { teams: { id: string; name: string }[] };

export function CreateBriefingForm({ teams }: CreateBriefingFormProps) {
  const router = useRouter();
  const { run, pending, error } = useAction(createBriefing);
  return (
    <form
      className="form form--inline"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        run({ title: String(form.get("title")), teamId: String(form.get("teamId") ?? "") }, (b) =>
          router.push(`/briefings/${b.id}`),
        );
      }}
    >
      <div className="field field--grow">
        <label htmlFor="briefing-title">Title</label>
        <input id="briefing-title" name="title" required maxLength={200} placeholder="e.g. AUKUS Pillar II options" />
      </div>
      <div className="field">
        <label htmlFor="briefing-team">Team</label>
        <select id="briefing-team" name="teamId" defaultValue="">
          <option value="">Only me</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Creating…" : "New briefing"}
      </button>
      <FormStatus error={error} />
    </form>
  );
}
