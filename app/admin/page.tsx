import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CatalogEditorToggle } from "@/components/admin/catalog-editor-toggle";
import { VerifyEmailButton } from "@/components/admin/verify-email-button";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listUsersForAdmin } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/admin");
  const db = getDb();
  if (!(await can(db, user, { action: "admin:users" }))) notFound();
  const users = await listUsersForAdmin(db);
  return (
    <>
      <h1>Administration</h1>
      <p>
        <Link href="/admin/marking">Marking profiles</Link>: import and edit the classification vocabularies briefings
        are marked with.
      </p>
      <p className="lede">
        Grant the catalog-editor permission to people who curate framework facts. Briefings shared by e-mail and team
        invitations take effect only for verified addresses: mark an address verified once you know it belongs to that
        person (with SMTP_URL set, people verify it by the mailed link).
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption>Accounts ({users.length})</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">E-mail verified</th>
              <th scope="col">Joined</th>
              <th scope="col">Catalog editor</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.name}
                  {u.isAdmin ? <span className="muted"> (administrator)</span> : null}
                </th>
                <td>{u.email}</td>
                <td>{u.emailVerified ? "Verified" : <VerifyEmailButton userId={u.id} email={u.email} />}</td>
                <td>{u.createdAt.toISOString().slice(0, 10)}</td>
                <td>
                  {u.isAdmin ? "Always" : <CatalogEditorToggle userId={u.id} name={u.name} value={u.catalogEditor} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
