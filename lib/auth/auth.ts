import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";
import { type Db, dbProvider, getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { attachPendingShares } from "@/lib/shares/by-email";
import { announceAccessChange } from "./access-events";
import { checkTeamFields, checkUserFields } from "./input-checks";
import { sendMail } from "./mail";
import { checkNewPassword } from "./password-hook";
import { MIN_PASSWORD_LENGTH } from "./password-strength";
import { authPathOf, knownAuthPaths, pruneRateLimitsNow, RATE_LIMIT_WINDOW_SECONDS } from "./rate-limit";
import { authSecret } from "./secret";
import { announceLeavingTeam, teamAccessHooks } from "./team-access-hooks";

export { MIN_PASSWORD_LENGTH };
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

/** The public URL of an invitation; shown to the inviter to copy, and mailed when SMTP is set. */
export function invitationUrl(id: string): string {
  return `${appUrl()}/invite/${id}`;
}

/** The app's public URL: APP_URL, or the local address for the embedded single-machine default. */
export function appUrl(): string {
  return (env().APP_URL ?? `http://localhost:${env().PORT}`).replace(/\/$/, "");
}

/** Builds the better-auth instance for a database: email + password, database sessions, teams. */
export function createAuth(db: Db) {
  const config = env();
  const limit = { window: RATE_LIMIT_WINDOW_SECONDS, max: config.SIGN_IN_RATE_LIMIT };
  let isKnownPath: (path: string) => boolean = () => false;
  const auth = betterAuth({
    secret: authSecret(),
    baseURL: appUrl(),
    // Requests must come from the app's own origin (better-auth checks Origin on every POST).
    trustedOrigins: [appUrl(), `http://127.0.0.1:${config.PORT}`, `http://localhost:${config.PORT}`],
    database: prismaAdapter(db, { provider: dbProvider(db) }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      // Not signed in by sign-up itself: then sign-up answers the same whether or not the address
      // already has an account (better-auth's generic answer); the form signs in right after.
      autoSignIn: false,
    },
    // A verification link is mailed at sign-up when SMTP_URL is set; without SMTP, an instance
    // administrator marks addresses verified at /admin. Shares by e-mail and invitations take
    // effect only for verified addresses.
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        if (user.emailVerified) return; // the first account is verified from the start
        await sendMail(
          user.email,
          "Verify your e-mail address",
          `Open this link to verify ${user.email} for the briefing editor:\n\n${url}\n\nIf you did not create an account, ignore this mail.\n`,
        );
      },
    },
    session: { expiresIn: 14 * 24 * 3600, updateAge: 24 * 3600 },
    user: {
      additionalFields: {
        isAdmin: { type: "boolean", defaultValue: false, input: false },
        catalogEditor: { type: "boolean", defaultValue: false, input: false },
      },
    },
    hooks: {
      // Every endpoint that sets a password refuses the commonest ones (better-auth checks length only).
      before: checkNewPassword,
      // Membership changes made through better-auth's own endpoints close lost access too.
      after: announceLeavingTeam,
    },
    databaseHooks: {
      session: {
        delete: {
          // Signing out (or revoking sessions) also ends that user's open collaboration connections
          // whose session is gone: they are checked again and closed with 4401.
          after: async (session) => announceAccessChange({ userId: session.userId }),
        },
      },
      user: {
        create: {
          // The first account on a fresh install administers the instance (and may edit the catalog).
          // Its address counts as verified: nobody else could verify it.
          before: async (user) => {
            checkUserFields(user);
            const first = (await db.user.count()) === 0;
            const emailVerified = first || user.emailVerified === true;
            return { data: { ...user, isAdmin: first, catalogEditor: first, emailVerified } };
          },
          after: async (user) => {
            if (user.emailVerified) await attachPendingShares(db, user);
          },
        },
        update: {
          before: async (data) => {
            checkUserFields(data);
          },
          // Verifying an address (the mailed link) gives it what was shared with it meanwhile.
          after: async (user) => {
            if (user.emailVerified) await attachPendingShares(db, user);
          },
        },
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "rateLimit",
      // Rules are tried in this order: the named endpoints first, then the catch-all.
      customRules: {
        "/sign-in/email": limit,
        "/sign-up/email": limit,
        "/change-password": limit,
        // Only better-auth's own endpoints are counted (a counter is a database row per client and
        // path: made-up paths would add rows without end); expired counters are swept from here.
        "/**": async (request, current) => {
          await pruneRateLimitsNow(db);
          return isKnownPath(authPathOf(request)) ? current : false;
        },
      },
    },
    advanced: {
      useSecureCookies: config.APP_URL?.startsWith("https://") ?? false,
      // server/index.ts overwrites X-Forwarded-For with the socket address unless TRUST_PROXY is set.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    plugins: [
      organization({
        allowUserToCreateOrganization: true,
        creatorRole: "owner",
        invitationExpiresIn: INVITATION_TTL_SECONDS,
        cancelPendingInvitationsOnReInvite: true,
        // Also on better-auth's own endpoints, reachable without the app's actions.
        requireEmailVerificationOnInvitation: true,
        organizationHooks: {
          beforeCreateOrganization: async ({ organization }) => checkTeamFields(organization),
          beforeUpdateOrganization: async ({ organization }) => checkTeamFields(organization),
          ...teamAccessHooks(db),
        },
        sendInvitationEmail: async (data) => {
          await sendMail(
            data.email,
            `Invitation to join ${data.organization.name}`,
            `${data.inviter.user.name} invited you to the team "${data.organization.name}".\n\nJoin: ${invitationUrl(data.id)}\n`,
          );
        },
      }),
      nextCookies(),
    ],
  });
  isKnownPath = knownAuthPaths(Object.values(auth.api).map((endpoint) => (endpoint as { path?: string }).path));
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;

const instances = new WeakMap<Db, Auth>();

/** The auth instance for the app's database (or for a given client, in tests). */
export function getAuth(db: Db = getDb()): Auth {
  let auth = instances.get(db);
  if (!auth) {
    auth = createAuth(db);
    instances.set(db, auth);
  }
  return auth;
}
