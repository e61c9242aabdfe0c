import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AttributeEditor } from "@/components/catalog/attribute-editor";
import { FrameworkForm } from "@/components/catalog/framework-form";
import { MembersEditor } from "@/components/catalog/members-editor";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getFramework, listDimensions } from "@/lib/catalog/queries";
import { slugSchema } from "@/lib/catalog/schema";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Edit framework" };

export default async function EditFrameworkPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/frameworks/${encodeURIComponent(slug)}/edit`);
  const db = getDb();
  if (!(await can(db, user, { action: "catalog:edit" }))) notFound();
  const framework = slugSchema.safeParse(slug).success ? await getFramework(db, slug) : null;
  if (!framework) notFound();
  const dimensions = await listDimensions(db);
  const values = new Map(framework.groups.flatMap((g) => g.attributes).map((a) => [a.key, a]));
  const groups = [...new Set(dimensions.map((d) => d.group))];
  const today = new Date().toISOString().slice(0, 10);

  return (
    <article className="detail">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/frameworks">Frameworks</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/frameworks/${slug}`}>{framework.acronym ?? framework.name}</Link>{" "}
        <span aria-hidden="true">/</span> <span>Edit</span>
      </nav>
      <h1>Edit {framework.name}</h1>
      <p className="muted">Every change is recorded in the framework's history with your name.</p>
      <section aria-labelledby="details-heading" className="detail__section">
        <h2 id="details-heading">Details</h2>
        <FrameworkForm initial={{ ...framework, slug }} />
      </section>
      <section aria-labelledby="members-heading" className="detail__section">
        <h2 id="members-heading">Members and partners</h2>
        <MembersEditor slug={slug} members={framework.members} />
      </section>
      <section aria-labelledby="values-heading" className="detail__section">
        <h2 id="values-heading">Dimension values</h2>
        <p>
          Every value needs at least one source. <Link href="/dimensions">Add a dimension</Link>
        </p>
        {groups.map((group) => (
          <section key={group} className="dimension-group" aria-label={group}>
            <h3>{group}</h3>
            <dl className="dimensions">
              {dimensions
                .filter((d) => d.group === group)
                .map((d) => {
                  const v = values.get(d.key);
                  return (
                    <AttributeEditor
                      key={d.key}
                      slug={slug}
                      today={today}
                      dimension={{
                        ...d,
                        current: v
                          ? {
                              value: v.value,
                              display: v.display,
                              note: v.note,
                              asOf: v.asOf,
                              reviewDue: v.reviewDue,
                              sources: v.sources,
                            }
                          : null,
                      }}
                    />
                  );
                })}
            </dl>
          </section>
        ))}
      </section>
    </article>
  );
}
