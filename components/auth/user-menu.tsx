import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

export type UserMenuProps = { user: CurrentUser | null };

/** The right side of the header: who is signed in, or a way to sign in. */
export function UserMenu({ user }: UserMenuProps) {
  if (!user) {
    return (
      <div className="user-menu">
        <Link href="/sign-in">Sign in</Link>
        <Link href="/sign-up" className="button button--small">
          Create account
        </Link>
      </div>
    );
  }
  return (
    <div className="user-menu">
      {user.isAdmin ? <Link href="/admin">Admin</Link> : null}
      <Link href="/account" aria-label={`Account: ${user.name}`}>
        {user.name}
      </Link>
      <SignOutButton />
    </div>
  );
}
