import { z } from "zod";

/** The most active (unrevoked, unexpired) tokens one user may hold. */
export const MAX_ACTIVE_TOKENS = 20;

export const TOKEN_SCOPES = ["read", "write"] as const;

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(80, "Token names are at most 80 characters."),
  scope: z.enum(TOKEN_SCOPES, "Choose read or write."),
});

export const revokeTokenSchema = z.object({ tokenId: z.string().trim().min(1).max(64) });
