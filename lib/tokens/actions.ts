"use server";

import { defineAction } from "@/lib/actions";
import { createTokenSchema, revokeTokenSchema } from "./schema";
import { createApiToken, revokeApiToken } from "./store";

// Every action goes through defineAction. A user manages only their own tokens ("signed-in"); the
// store's queries are scoped to the user's id, which is the authorization.

/** Creates a personal access token for the signed-in user; the secret is returned once. */
export const createToken = defineAction(
  { schema: createTokenSchema, permission: "signed-in", revalidate: () => ["/account"] },
  async ({ user, data, db }) => {
    const token = await createApiToken(db, { userId: user.id, name: data.name, scope: data.scope });
    return { id: token.id, secret: token.secret };
  },
);

/** Revokes one of the signed-in user's tokens; it stops working at once. */
export const revokeToken = defineAction(
  { schema: revokeTokenSchema, permission: "signed-in", revalidate: () => ["/account"] },
  async ({ user, data, db }) => {
    await revokeApiToken(db, user.id, data.tokenId);
    return null;
  },
);
