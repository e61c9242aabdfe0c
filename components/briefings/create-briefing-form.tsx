"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { createBriefing } from "@/lib/briefings/actions";
import type { BriefingTemplateId } from "@/lib/briefings/templates";

export type TemplateChoice = { id: BriefingTemplateId; label: string; description: string };

export type CreateBriefingFormProps = { teams: { id: string; name: string }[]; templates: TemplateChoice[] };

/** New briefing: a title, a template (written into the document once, on the server) and who owns it. */
export function CreateBriefingForm({ teams, templates }: CreateBriefingFormProps) {
  const router = useRouter();
  const { run, pending, error, fieldErrors } = useAction(createBriefing);
  const [template, setTemplate] = useState<BriefingTemplateId>("blank");
  return (
    <form
      className="form create-briefing"
      aria-label="New briefing"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        run({ title: String(form.get("title")), teamId: String(form.get("teamId") ?? ""), template }, (b) =>
          router.push(`/briefings/${b.id}`),
        );
      }}
    >
      <h2 className="create-briefing__heading">New briefing</h2>
      <div className="form--inline">
        <div className="field field--grow">
          <label htmlFor="briefing-title">Title</label>
          <input
            id="briefing-title"
            name="title"
            required
            maxLength={200}
            placeholder="e.g. AUKUS Pillar II options"
            aria-invalid={fieldErrors.title ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="briefing-team">Belongs to</label>
          <select id="briefing-team" name="teamId" defaultValue="">
            <option value="">Only me</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                Team {t.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="template-choice">
        <legend>Start from</legend>
        {templates.map((t) => (
          <label key={t.id} className="template-choice__option" data-checked={template === t.id}>
            <input
              type="radio"
              name="template"
              value={t.id}
              checked={template === t.id}
              onChange={() => setTemplate(t.id)}
            />
            <span className="template-choice__label">{t.label}</span>
            <span className="template-choice__description">{t.description}</span>
          </label>
        ))}
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Creating…" : "Create briefing"}
        </button>
        <FormStatus error={error} />
      </div>
    </form>
  );
}
