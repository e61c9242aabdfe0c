import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AccreditationNotice } from "@/components/marking/accreditation-notice";
import { ProfileEditor } from "@/components/marking/profile-editor";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getMarkingProfile, listMarkingProfiles, listProfileRevisions } from "@/lib/marking/queries";

export const metadata: Metadata = { title: "Marking profiles" };

const ORIGIN = { shipped: "Shipped", edited: "Shipped, edited here", imported: "Imported" } as const;

/** Administrators import and edit marking profiles (validated JSON, every save a new version). */
export default async function MarkingProfilesPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/admin/marking");
  const db = getDb();
  if (!(await can(db, user, { action: "admin:marking" }))) notFound();
  const { edit } = await searchParams;
  const profiles = await listMarkingProfiles(db);
  const editing = edit ? await getMarkingProfile(db, edit) : null;
  const revisions = editing ? await listProfileRevisions(db, editing.key) : [];
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/admin">Administration</Link> <span aria-hidden="true">/</span> <span>Marking profiles</span>
      </nav>
      <h1>Marking profiles</h1>
      <AccreditationNotice />
      <p className="lede">
        A profile lists levels from lowest to highest, the controls and caveats it allows, whom it releases to and its
        rules. Vocabularies change (the US register says only the version on its own site is valid): keep them current
        here. Briefings pick a profile on their Export page.
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption>Profiles ({profiles.length})</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Origin</th>
              <th scope="col">Version</th>
              <th scope="col">Edit</th>
            </tr>
          </thead>
          <tbody>
            {profiles.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.name}</th>
                <td>
                  <code>{p.key}</code>
                </td>
                <td>{ORIGIN[p.origin]}</td>
                <td>{p.version ?? "—"}</td>
                <td>
                  <Link href={`/admin/marking?edit=${encodeURIComponent(p.key)}`}>Edit {p.name}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ProfileEditor
        key={editing?.key ?? "new"}
        editing={editing?.key ?? null}
        initial={editing ? JSON.stringify(editing, null, 2) : ""}
      />
      {revisions.length ? (
        <section aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">Versions of {editing?.key}</h2>
          <ul>
            {revisions.map((r) => (
              <li key={r.version}>
                Version {r.version}: {r.action === "import" ? "imported" : "edited"} by {r.userName || "someone"} on{" "}
                {r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
