import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { safeNext } from "@/lib/safe-next";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  const firstAccount = (await getDb().user.count()) === 0;
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <SignUpForm next={next} minPasswordLength={MIN_PASSWORD_LENGTH} firstAccount={firstAccount} />
    </div>
  );
}
