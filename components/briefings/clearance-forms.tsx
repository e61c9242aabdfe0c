"use client";

import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import {
  answerClearance,
  finalizeClearance,
  releaseClearance,
  requestClearance,
  withdrawClearance,
} from "@/lib/clearance/actions";
import { ANSWER_LABELS, CLEARANCE_ANSWERS, type ClearanceAnswer } from "@/lib/clearance/machine";
import type { ClearanceRequestOptions } from "@/lib/clearance/queries";
import { CLEARANCE_LIMITS } from "@/lib/clearance/schema";

const invalid = (fieldErrors: Record<string, string[]>, prefix: string) =>
  Object.keys(fieldErrors).some((key) => key === prefix || key.startsWith(`${prefix}.`)) ? true : undefined;

/** E-mail addresses typed one per line (or separated by commas), in order, without blanks. */
function splitEmails(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export type RequestClearanceFormProps = { briefingId: string; options: ClearanceRequestOptions };

/**
 * The owner's request: which named version (or the current text, named here), who clears (people
 * by e-mail in order, teams), sequential or parallel, and the deadline. Nothing typed is lost on a
 * refusal: the form keeps its values and says what to fix.
 */
export function RequestClearanceForm({ briefingId, options }: RequestClearanceFormProps) {
  const { run, pending, error, fieldErrors } = useAction(requestClearance);
  const [version, setVersion] = useState("current");
  const [sentEmails, setSentEmails] = useState<string[]>([]);
  // "clearers.1.email: not an e-mail address" names a field; say which line the person typed instead.
  const badEmails = Object.keys(fieldErrors).flatMap((key) => {
    const line = /^clearers\.(\d+)\.email$/.exec(key);
    const typed = line ? sentEmails[Number(line[1])] : undefined;
    return typed === undefined ? [] : [`“${typed}” is not an e-mail address.`];
  });
  return (
    <form
      className="form clearance__form"
      aria-label="Request clearance"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const versionName = String(form.get("versionName") ?? "").trim();
        const due = String(form.get("due") ?? "");
        const emails = splitEmails(String(form.get("emails") ?? ""));
        setSentEmails(emails);
        const clearers = [
          ...emails.map((email) => ({ email })),
          ...form.getAll("teams").map((teamId) => ({ teamId: String(teamId) })),
        ];
        run({
          briefingId,
          versionId: version,
          ...(version === "current" && versionName ? { versionName } : {}),
          clearers,
          mode: String(form.get("mode")),
          // The browser's local time, sent as an instant; an unparsable value is left for the server to refuse.
          due: due && !Number.isNaN(new Date(due).getTime()) ? new Date(due).toISOString() : due,
        });
      }}
    >
      <div className="field">
        <label htmlFor="clearance-version">Version to clear</label>
        <select
          id="clearance-version"
          name="version"
          value={version}
          onChange={(e) => setVersion(e.target.value)}
          aria-invalid={invalid(fieldErrors, "versionId")}
        >
          <option value="current">The current text (name it now)</option>
          {options.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      {version === "current" ? (
        <div className="field">
          <label htmlFor="clearance-version-name">Name of the new version</label>
          <input
            id="clearance-version-name"
            name="versionName"
            maxLength={120}
            placeholder="e.g. Sent for clearance"
            aria-describedby="clearance-version-name-hint"
            aria-invalid={invalid(fieldErrors, "versionName")}
          />
          <small id="clearance-version-name-hint" className="muted">
            Left empty, it is named after the date and time.
          </small>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="clearance-emails">Clearers (e-mail addresses, one per line, in order)</label>
        <textarea
          id="clearance-emails"
          name="emails"
          rows={3}
          aria-describedby="clearance-emails-hint"
          aria-invalid={invalid(fieldErrors, "clearers")}
        />
        <small id="clearance-emails-hint" className="muted">
          Only people who can read this briefing can clear it (share it with them first).
          {options.people.length ? ` With access: ${options.people.map((p) => p.email).join(", ")}.` : ""} At most{" "}
          {CLEARANCE_LIMITS.clearers} clearers.
        </small>
      </div>
      {options.teams.length ? (
        <fieldset className="field">
          <legend>Teams that clear</legend>
          {options.teams.map((team) => (
            <label key={team.id}>
              <input type="checkbox" name="teams" value={team.id} /> {team.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="field">
        <legend>Order</legend>
        <label>
          <input type="radio" name="mode" value="sequential" defaultChecked /> In sequence (each clearer after the
          previous one concurs)
        </label>
        <label>
          <input type="radio" name="mode" value="parallel" /> In parallel (everyone at once)
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="clearance-due">Due</label>
        <input
          id="clearance-due"
          name="due"
          type="datetime-local"
          required
          aria-invalid={invalid(fieldErrors, "due")}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Requesting…" : "Request clearance"}
        </button>
      </div>
      <FormStatus error={badEmails.length ? badEmails.join(" ") : error} />
    </form>
  );
}

export type ClearanceAnswerFormProps = { clearanceId: string; clearerName: string };

/** A clearer's answer: Concur, Concur with comments (comments required) or Non-concur (say why). */
export function ClearanceAnswerForm({ clearanceId, clearerName }: ClearanceAnswerFormProps) {
  const { run, pending, error, fieldErrors } = useAction(answerClearance);
  const [answer, setAnswer] = useState<ClearanceAnswer>("concur");
  return (
    <form
      className="form clearance__form"
      aria-label="Answer clearance"
      onSubmit={(e) => {
        e.preventDefault();
        const comment = String(new FormData(e.currentTarget).get("comment") ?? "").trim();
        run({ clearanceId, answer, ...(comment ? { comment } : {}) });
      }}
    >
      <fieldset className="field">
        <legend>Your answer, as {clearerName}</legend>
        {CLEARANCE_ANSWERS.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="answer"
              value={value}
              checked={answer === value}
              onChange={() => setAnswer(value)}
            />{" "}
            {ANSWER_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`clearance-comment-${clearanceId}`}>
          {answer === "concur" ? "Comment (optional)" : answer === "non_concur" ? "Why you do not concur" : "Comments"}
        </label>
        <textarea
          id={`clearance-comment-${clearanceId}`}
          name="comment"
          rows={3}
          maxLength={CLEARANCE_LIMITS.commentLength}
          required={answer !== "concur"}
          aria-invalid={invalid(fieldErrors, "comment")}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Sending…" : "Send answer"}
        </button>
      </div>
      <FormStatus error={error} />
    </form>
  );
}

export type ClearanceLeadActionsProps = {
  clearanceId: string;
  state: "in_clearance" | "cleared";
  stale: boolean;
};

/**
 * The lead's decisions: Finalize (over missing or non-concurring answers, with the dissent
 * recorded) while in clearance; Release once cleared and current; Withdraw until released.
 */
export function ClearanceLeadActions({ clearanceId, state, stale }: ClearanceLeadActionsProps) {
  const finalize = useAction(finalizeClearance);
  const release = useAction(releaseClearance);
  const withdraw = useAction(withdrawClearance);
  const pending = finalize.pending || release.pending || withdraw.pending;
  return (
    <div className="clearance__lead">
      {state === "in_clearance" ? (
        <form
          className="form clearance__form"
          aria-label="Finalize clearance"
          onSubmit={(e) => {
            e.preventDefault();
            const dissent = String(new FormData(e.currentTarget).get("dissent") ?? "").trim();
            finalize.run({ clearanceId, ...(dissent ? { dissent } : {}) });
          }}
        >
          <div className="field">
            <label htmlFor={`clearance-dissent-${clearanceId}`}>
              Why you clear without every concurrence (recorded as the dissent)
            </label>
            <textarea
              id={`clearance-dissent-${clearanceId}`}
              name="dissent"
              rows={3}
              required
              maxLength={CLEARANCE_LIMITS.commentLength}
              aria-invalid={invalid(finalize.fieldErrors, "dissent")}
            />
          </div>
          <div className="form__actions">
            <button type="submit" className="button" disabled={pending}>
              {finalize.pending ? "Finalizing…" : "Finalize over dissent"}
            </button>
          </div>
          <FormStatus error={finalize.error} />
        </form>
      ) : null}
      <div className="form__actions">
        {state === "cleared" && !stale ? (
          <button type="button" className="button" disabled={pending} onClick={() => release.run({ clearanceId })}>
            {release.pending ? "Releasing…" : "Release"}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          disabled={pending}
          onClick={() => {
            if (window.confirm("Withdraw this clearance? The briefing becomes a draft again.")) {
              withdraw.run({ clearanceId });
            }
          }}
        >
          {withdraw.pending ? "Withdrawing…" : "Withdraw"}
        </button>
      </div>
      <FormStatus error={release.error ?? withdraw.error} />
    </div>
  );
}
