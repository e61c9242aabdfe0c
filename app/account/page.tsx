import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/account");
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
      <h2>Session</h2>
      <SignOutButton />
    </div>
  );
}
