import Link from "next/link";
import { FrameworkCard } from "@/components/catalog/framework-card";
import { KINDS, REGIONS } from "@/lib/catalog/constants";
import { formatDate } from "@/lib/catalog/dates";
import type { CatalogShowcase } from "@/lib/catalog/showcase";
import type { FrameworkSummary } from "@/lib/catalog/types";

const ROWS: { label: string; value: (f: FrameworkSummary) => string }[] = [
  { label: "Kind", value: (f) => KINDS[f.kind] },
  { label: "Region", value: (f) => REGIONS[f.region] },
  { label: "Founded", value: (f) => (f.founded ? formatDate(f.founded) : "–") },
  { label: "Members", value: (f) => f.memberCount.toLocaleString("en") },
  { label: "Headquarters", value: (f) => f.headquarters ?? "None" },
];

function CompareLook({ frameworks }: { frameworks: FrameworkSummary[] }) {
  return (
    <div className="home-look home-look--compare">
      <table className="home-compare">
        <caption className="visually-hidden">
          A comparison of {frameworks.map((f) => f.acronym ?? f.name).join(", ")}
        </caption>
        <thead>
          <tr>
            <td />
            {frameworks.map((f) => (
              <th key={f.slug} scope="col">
                {f.acronym ?? f.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {frameworks.map((f) => (
                <td key={f.slug}>{row.value(f)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="home-look__caption">
        <Link href={`/compare?fw=${frameworks.map((f) => f.slug).join(",")}&diff=1`}>Open this comparison</Link>: every
        dimension, differences highlighted, exported as CSV or embedded in a briefing.
      </p>
    </div>
  );
}

/** A still picture of the editor: two people writing, a live framework card in the text. */
function BriefingLook({ framework }: { framework: FrameworkSummary | undefined }) {
  return (
    <div className="home-look home-look--editor" aria-hidden="true">
      <div className="home-editor__bar">
        <span className="home-editor__tools">B I U • 1. ❝ Link Insert ▾</span>
        <span className="home-editor__saved">● Saved</span>
        <span className="home-editor__avatar" style={{ background: "#7c3aed" }}>
          AK
        </span>
        <span className="home-editor__avatar" style={{ background: "#0f766e" }}>
          JM
        </span>
      </div>
      <div className="home-editor__page">
        <p className="home-editor__heading">Recommendation</p>
        <p>
          Deepen Pillar II cooperation before the 2027 review
          <span className="home-editor__caret" style={{ borderColor: "#0f766e" }}>
            <span style={{ background: "#0f766e" }}>Jun</span>
          </span>
          , and brief ministers on what the treaty does not commit us to.
        </p>
        {framework ? (
          <div className="home-editor__card">
            <strong>{framework.name}</strong>
            <span>
              {KINDS[framework.kind]} · {framework.memberCount} members
            </span>
            <span className="home-editor__live">Live: current catalog</span>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** The signed-out home page: the three things the product does, each with a look at it. */
export function HomeIntro({ showcase }: { showcase: CatalogShowcase }) {
  const [first, second] = showcase.frameworks;
  return (
    <div className="home">
      <section className="home-hero" aria-labelledby="home-title">
        <h1 id="home-title">Defence-cooperation briefings, cited and written together.</h1>
        <p className="home-hero__lead">
          A catalog of {showcase.total} alliances, treaties and partnerships with a source behind every fact;
          comparisons side by side; and briefings your team writes in real time, exported to PDF, Word, Markdown or HTML
          with the citations intact.
        </p>
        <div className="home-hero__actions">
          <Link className="button" href="/sign-up">
            Create an account
          </Link>
          <Link className="button button--secondary" href="/frameworks">
            Browse the catalog
          </Link>
          <Link href="/sign-in">Sign in</Link>
        </div>
      </section>

      <section className="home-feature" aria-labelledby="home-catalog">
        <div className="home-feature__text">
          <h2 id="home-catalog">A catalog you can cite</h2>
          <p>
            NATO, ASEAN's defence meetings, Five Eyes, AUKUS, bilateral treaties, UN peacekeeping: each framework with
            its members, dates and commitments. Every value carries its sources, how precise its date is and when it was
            last checked; weak sources are flagged, and every change is in the history.
          </p>
          <Link href="/frameworks">Browse all {showcase.total} frameworks →</Link>
        </div>
        <div className="home-look">{first ? <FrameworkCard framework={first} headingLevel={3} /> : null}</div>
      </section>

      <section className="home-feature" aria-labelledby="home-compare">
        <div className="home-feature__text">
          <h2 id="home-compare">Compare side by side</h2>
          <p>
            Put frameworks next to each other on membership, commitments, command and intelligence sharing. Sort,
            filter, show only the differences, see where members overlap, and save the comparison to embed it in a
            briefing.
          </p>
          <Link href="/compare">Start a comparison →</Link>
        </div>
        {showcase.frameworks.length > 1 ? <CompareLook frameworks={showcase.frameworks} /> : null}
      </section>

      <section className="home-feature" aria-labelledby="home-briefings">
        <div className="home-feature__text">
          <h2 id="home-briefings">Write the briefing together</h2>
          <p>
            Draft with colleagues in the same document at the same time, with framework cards and comparisons that stay
            current (or pinned to a date), templates for policy briefs and comparison memos, marking on every page, and
            share links that can be revoked.
          </p>
          <Link href="/sign-up">Create an account to start a briefing →</Link>
        </div>
        <BriefingLook framework={second ?? first} />
      </section>
    </div>
  );
}
