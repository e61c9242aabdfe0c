import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApiTokens } from "@/components/account/api-tokens";
import { NotificationEmailForm } from "@/components/account/notification-email-form";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getEmailPreference } from "@/lib/notifications/queries";
import { MAX_ACTIVE_TOKENS } from "@/lib/tokens/schema";
import { listApiTokens } from "@/lib/tokens/store";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/account");
  const tokens = await listApiTokens(getDb(), user.id);
  const emailPreference = await getEmailPreference(getDb(), user.id);
  return (
    <div className="narrow">
      <h1>Your account</h1>
      <dl className="facts facts--wide">
        <div>
          <dt>Name</dt>
          <dd>{user.name}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Permissions</dt>
          <dd>
            {[user.isAdmin ? "Instance administrator" : null, user.catalogEditor ? "Catalog editor" : null]
              .filter(Boolean)
              .join(", ") || "Member"}
          </dd>
        </div>
      </dl>
      <h2>Change password</h2>
      <ChangePasswordForm minPasswordLength={MIN_PASSWORD_LENGTH} />
      <h2 id="notifications">Notifications</h2>
      <p>
        Your <a href="/notifications">notifications</a> are always in the bell at the top. Unread ones can also be
        e-mailed to you, gathered into one message every few minutes.
      </p>
      <NotificationEmailForm current={emailPreference} mailConfigured={Boolean(env().SMTP_URL)} />
      <h2>Access tokens</h2>
      <p>
        Personal access tokens let scripts use the JSON API (<code>/api/v1</code>, see docs/api.md) as you. A read token
        only reads. At most {MAX_ACTIVE_TOKENS} active tokens.
      </p>
      <ApiTokens tokens={tokens} maxTokens={MAX_ACTIVE_TOKENS} />
      <h2>Session</h2>
      <SignOutButton />
    </div>
  );
}
