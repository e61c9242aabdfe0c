"use client";

import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { acceptInvitation } from "@/lib/teams/actions";

export function AcceptInvitation({ invitationId, teamName }: { invitationId: string; teamName: string }) {
  const router = useRouter();
  const { run, pending, error } = useAction(acceptInvitation);
  return (
    <div>
      <button
        type="button"
        className="button"
        disabled={pending}
        onClick={() => run({ invitationId }, (data) => router.push(`/teams/${data.teamId}`))}
      >
        {pending ? "Joining…" : `Join ${teamName}`}
      </button>
      <FormStatus error={error} />
    </div>
  );
}
