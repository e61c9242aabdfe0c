"use client";

import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { cancelInvitation, changeTeamMemberRole, removeTeamMember } from "@/lib/teams/actions";

export type MemberActionsProps = {
  teamId: string;
  memberId: string;
  role: string;
  name: string;
  canMakeOwner: boolean;
};

/** Role select and remove button of one member row (shown to team owners and admins). */
export function MemberActions({ teamId, memberId, role, name, canMakeOwner }: MemberActionsProps) {
  const change = useAction(changeTeamMemberRole);
  const remove = useAction(removeTeamMember);
  return (
    <div className="row-actions">
      <label className="visually-hidden" htmlFor={`role-${memberId}`}>
        Role of {name}
      </label>
      <select
        id={`role-${memberId}`}
        value={role}
        disabled={change.pending}
        onChange={(e) => change.run({ teamId, memberId, role: e.target.value })}
      >
        <option value="member">Member</option>
        <option value="admin">Admin</option>
        {canMakeOwner || role === "owner" ? <option value="owner">Owner</option> : null}
      </select>
      <button
        type="button"
        className="button button--danger button--small"
        disabled={remove.pending}
        onClick={() => {
          if (window.confirm(`Remove ${name} from the team?`)) remove.run({ teamId, memberId });
        }}
      >
        Remove
      </button>
      <FormStatus error={change.error ?? remove.error} />
    </div>
  );
}

export function CancelInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const cancel = useAction(cancelInvitation);
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={cancel.pending}
        onClick={() => cancel.run({ invitationId })}
        aria-label={`Cancel the invitation for ${email}`}
      >
        Cancel
      </button>
      <FormStatus error={cancel.error} />
    </>
  );
}
