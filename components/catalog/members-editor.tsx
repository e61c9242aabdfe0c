"use client";

import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { setMembers } from "@/lib/catalog/actions";
import { MEMBER_STATUSES, ROLES } from "@/lib/catalog/constants";
import { COUNTRIES } from "@/lib/catalog/countries";

type Row = {
  key: number;
  country: string;
  role: string;
  joined: string;
  left: string;
  status: string;
  statusSince: string;
};
export type MembersEditorProps = {
  slug: string;
  members: {
    country: string;
    role: string;
    joined: string | null;
    left: string | null;
    status: string;
    statusSince: string | null;
  }[];
};

// Text, not <input type="date">: a date may be known only to the month or year ("2007-05", "1948")
// or roughly ("c. 1956"); the server parses and explains.
const DATE_HINT = "YYYY, YYYY-MM, YYYY-MM-DD or c. YYYY";

const COUNTRY_OPTIONS = Object.entries(COUNTRIES).sort((a, b) => a[1].localeCompare(b[1]));

/** Edits the membership list as a table of rows; saved as one change. */
export function MembersEditor({ slug, members }: MembersEditorProps) {
  const [rows, setRows] = useState<Row[]>(() =>
    members.map((m, key) => ({
      key,
      country: m.country,
      role: m.role,
      joined: m.joined ?? "",
      left: m.left ?? "",
      status: m.status,
      statusSince: m.statusSince ?? "",
    })),
  );
  const [nextKey, setNextKey] = useState(members.length);
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction(setMembers);
  const update = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        run(
          {
            slug,
            members: rows.map(({ country, role, joined, left, status, statusSince }) => ({
              country,
              role,
              joined: joined || null,
              left: left || null,
              status,
              statusSince: status === "active" ? null : statusSince || null,
            })),
          },
          () => setSaved(true),
        );
      }}
    >
      <datalist id="country-codes">
        {COUNTRY_OPTIONS.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </datalist>
      <div className="table-wrap">
        <table className="table table--editable">
          <thead>
            <tr>
              <th scope="col">Country (ISO alpha-3)</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              <th scope="col">Left</th>
              <th scope="col">Status</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <td>
                  <input
                    aria-label={`Country of row ${i + 1}`}
                    list="country-codes"
                    value={r.country}
                    required
                    maxLength={3}
                    onChange={(e) => update(r.key, { country: e.target.value.toUpperCase() })}
                  />{" "}
                  <span className="muted">{COUNTRIES[r.country] ?? ""}</span>
                </td>
                <td>
                  <select
                    aria-label={`Role of row ${i + 1}`}
                    value={r.role}
                    onChange={(e) => update(r.key, { role: e.target.value })}
                  >
                    {Object.entries(ROLES).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Joined, row ${i + 1}`}
                    placeholder={DATE_HINT}
                    size={12}
                    value={r.joined}
                    onChange={(e) => update(r.key, { joined: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Left, row ${i + 1}`}
                    placeholder={DATE_HINT}
                    size={12}
                    value={r.left}
                    onChange={(e) => update(r.key, { left: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Status of row ${i + 1}`}
                    value={r.status}
                    onChange={(e) => update(r.key, { status: e.target.value })}
                  >
                    {Object.entries(MEMBER_STATUSES).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Status since, row ${i + 1}`}
                    placeholder={DATE_HINT}
                    size={12}
                    value={r.statusSince}
                    disabled={r.status === "active"}
                    onChange={(e) => update(r.key, { statusSince: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={`Remove row ${i + 1}`}
                    onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setRows((rs) => [
              ...rs,
              { key: nextKey, country: "", role: "member", joined: "", left: "", status: "active", statusSince: "" },
            ]);
            setNextKey((k) => k + 1);
          }}
        >
          Add member
        </button>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : "Save members"}
        </button>
      </div>
      <FormStatus error={error} success={saved ? "Members saved." : null} />
    </form>
  );
}
