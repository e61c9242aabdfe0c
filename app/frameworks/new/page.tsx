import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { FrameworkForm } from "@/components/catalog/framework-form";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "New framework" };

export default async function NewFrameworkPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/frameworks/new");
  if (!(await can(getDb(), user, { action: "catalog:edit" }))) notFound();
  return (
    <>
      <h1>New framework</h1>
      <p className="lede">Start with the facts; add members and cited dimension values on the next page.</p>
      <FrameworkForm />
    </>
  );
}
