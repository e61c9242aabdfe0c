"use client";

import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { createTeam } from "@/lib/teams/actions";

export function CreateTeamForm() {
  const router = useRouter();
  const { run, pending, error } = useAction(createTeam);
  return (
    <form
      className="form form--inline"
      onSubmit={(e) => {
        e.preventDefault();
        const name = String(new FormData(e.currentTarget).get("name"));
        run({ name }, (team) => router.push(`/teams/${team.id}`));
      }}
    >
      <div className="field field--grow">
        <label htmlFor="team-name">New team name</label>
        <input id="team-name" name="name" required minLength={2} maxLength={80} placeholder="e.g. Indo-Pacific desk" />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Creating…" : "Create team"}
      </button>
      <FormStatus error={error} />
    </form>
  );
}
