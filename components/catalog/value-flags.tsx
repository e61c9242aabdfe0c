import type { ValueFlag } from "@/lib/catalog/flags";

export type ValueFlagsProps = { flags: ValueFlag[] };

/** Warnings on a catalog value: no source, only reference works, review overdue. */
export function ValueFlags({ flags }: ValueFlagsProps) {
  if (flags.length === 0) return null;
  return (
    <ul className="value-flags" aria-label="Warnings">
      {flags.map((f) => (
        <li key={f.kind} className={`badge badge--warning value-flag value-flag--${f.kind}`} data-testid="value-flag">
          {f.label}
        </li>
      ))}
    </ul>
  );
}
