import type { Metadata } from "next";
import { DimensionForm } from "@/components/catalog/dimension-form";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { listDimensions } from "@/lib/catalog/queries";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dimensions" };

export default async function DimensionsPage() {
  const db = getDb();
  const [dimensions, user] = await Promise.all([listDimensions(db), getCurrentUser()]);
  const editor = await can(db, user, { action: "catalog:edit" });
  return (
    <>
      <h1>Comparison dimensions</h1>
      <p className="lede">The themes every framework is described and compared on.</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Group</th>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((d) => (
              <tr key={d.key}>
                <th scope="row">
                  {d.label} <span className="muted">{d.key}</span>
                </th>
                <td>{d.group}</td>
                <td>{d.valueType === "enum" ? `one of ${d.options.join(", ")}` : d.valueType}</td>
                <td>{d.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editor ? (
        <section className="detail__section" aria-labelledby="add-dimension">
          <h2 id="add-dimension">Add a dimension</h2>
          <DimensionForm groups={[...new Set(dimensions.map((d) => d.group))]} />
        </section>
      ) : null}
    </>
  );
}
