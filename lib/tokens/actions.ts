"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, parseInput, runAction } from "@/lib/actions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { createTokenSchema, revokeTokenSchema } from "./schema";
import { createApiToken, revokeApiToken } from "./store";

// Every action: authenticate -> parse -> authorize -> write -> revalidate. A user manages only
// their own tokens; the store's queries are scoped to the user's id, which is the authorization.

/** Creates a personal access token for the signed-in user; the secret is returned once. */
export async function createToken(input: unknown): Promise<ActionResult<{ id: string; secret: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(createTokenSchema, input);
    const token = await createApiToken(getDb(), { userId: user.id, name: data.name, scope: data.scope });
    revalidatePath("/account");
    return { id: token.id, secret: token.secret };
  });
}

/** Revokes one of the signed-in user's tokens; it stops working at once. */
export async function revokeToken(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(revokeTokenSchema, input);
    await revokeApiToken(getDb(), user.id, data.tokenId);
    revalidatePath("/account");
    return null;
  });
}
