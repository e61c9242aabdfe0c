import { z } from "zod";
import { isWellFormed } from "@/lib/well-formed";

const id = z.string().trim().min(1).max(64);

export const createTeamSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Team names have at least 2 characters.")
    .max(80, "Team names are at most 80 characters.")
    .refine(isWellFormed, "Team names must be plain text (this one holds an invalid character)."),
});
export const inviteSchema = z.object({
  teamId: id,
  email: z
    .email("Enter a valid e-mail address.")
    .max(254, "E-mail addresses are at most 254 characters.")
    .trim()
    .toLowerCase(),
  role: z.enum(["member", "admin"]),
});
export const invitationRefSchema = z.object({ invitationId: id });
export const memberRefSchema = z.object({ teamId: id, memberId: id });
export const memberRoleSchema = z.object({ teamId: id, memberId: id, role: z.enum(["member", "admin", "owner"]) });
