"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { createBriefing } from "@/lib/briefings/actions";
import type { BriefingTemplateId } from "@/lib/briefings/templates";
import { useImportFile } from "./use-import-file";

const IMPORT_ACCEPT = ".docx,.md,.markdown,.txt";

export type TemplateChoice = { id: BriefingTemplateId; label: string; description: string };

export type CreateBriefingFormProps = { teams: { id: string; name: string }[]; templates: TemplateChoice[] };

/** New briefing: a title, a template (written into the document once, on the server) and who owns it. */
export function CreateBriefingForm({ teams, templates }: CreateBriefingFormProps) {
  const router = useRouter();
  const { run, pending, error, fieldErrors } = useAction(createBriefing);
  const [template, setTemplate] = useState<BriefingTemplateId | "file">("blank");
  const [title, setTitle] = useState("");
  const importer = useImportFile();
  return (
    <form
      className="form create-briefing"
      aria-label="New briefing"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const teamId = String(form.get("teamId") ?? "");
        if (template !== "file") {
          run({ title, teamId, template }, (b) => router.push(`/briefings/${b.id}`));
          return;
        }
        const file = form.get("file");
        if (!(file instanceof File) || file.size === 0) return;
        const trackedChanges = String(form.get("trackedChanges") ?? "suggest");
        void importer.upload({ file, title, teamId, trackedChanges }).then((done) => {
          // With nothing left out, straight to the briefing; otherwise the notices are read first.
          if (done && done.notices.length === 0) router.push(`/briefings/${done.id}`);
        });
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
            value={title}
            onChange={(e) => setTitle(e.target.value)}
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
        <label className="template-choice__option" data-checked={template === "file"}>
          <input
            type="radio"
            name="template"
            value="file"
            checked={template === "file"}
            onChange={() => setTemplate("file")}
          />
          <span className="template-choice__label">Import a file</span>
          <span className="template-choice__description">A Word (.docx) or Markdown (.md) file, up to 10 MB.</span>
        </label>
      </fieldset>
      {template === "file" ? (
        <div className="field">
          <label htmlFor="briefing-file">File to import</label>
          <input
            id="briefing-file"
            name="file"
            type="file"
            required
            accept={IMPORT_ACCEPT}
            onChange={(e) => {
              const name = e.target.files?.[0]?.name;
              if (name && !title.trim())
                setTitle(
                  name
                    .replace(/\.[^.]+$/, "")
                    .replace(/_+/g, " ")
                    .trim()
                    .slice(0, 200),
                );
            }}
          />
          <p className="muted">
            Headings, lists, tables, links and bold/italic/underline come across; images are left out.
          </p>
          <label htmlFor="briefing-tracked-changes">Tracked changes in a Word file</label>
          <select id="briefing-tracked-changes" name="trackedChanges" defaultValue="suggest">
            <option value="suggest">Keep as suggestions (with their Word authors)</option>
            <option value="accept">Accept all</option>
            <option value="reject">Reject all</option>
          </select>
        </div>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending || importer.pending}>
          {importer.pending
            ? "Importing…"
            : pending
              ? "Creating…"
              : template === "file"
                ? "Import briefing"
                : "Create briefing"}
        </button>
        <FormStatus error={template === "file" ? importer.error : error} />
      </div>
      {importer.imported && importer.imported.notices.length > 0 ? (
        <div className="notice" role="status">
          <p>The briefing was created. Some things did not come across:</p>
          <ul>
            {importer.imported.notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
          <Link className="button" href={`/briefings/${importer.imported.id}`}>
            Open the briefing
          </Link>
        </div>
      ) : null}
    </form>
  );
}
