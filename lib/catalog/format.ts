import { dateKey, formatDate } from "./dates";
import type { TypedValue } from "./schema";

// One formatter for all numbers (toLocaleString() builds a new one per call, which is slow in
// bulk), made on first need: creating the first Intl formatter of a page loads locale data, some
// 20 ms in a browser, and whole numbers (nearly all catalog numbers) do without it.
let numberFormat: Intl.NumberFormat | undefined;

/** A number as en-GB writes it: "1,234,567", "-12", "0.5". */
export function formatNumber(n: number): string {
  if (Number.isSafeInteger(n)) {
    const digits = String(Math.abs(n));
    let grouped = digits.slice(0, digits.length % 3 || 3);
    for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
    return n < 0 ? `-${grouped}` : grouped;
  }
  numberFormat ??= new Intl.NumberFormat("en-GB");
  return numberFormat.format(n);
}

export { formatDate } from "./dates";

/** "qualified-majority" -> "Qualified majority". */
export function formatOption(option: string): string {
  const words = option.replace(/[-_]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A typed dimension value as a short human string. */
export function formatValue(valueType: string, value: TypedValue | null | undefined): string {
  if (value === null || value === undefined) return "—";
  switch (valueType) {
    case "boolean":
      return value === true ? "Yes" : "No";
    case "date":
      return formatDate(String(value));
    case "enum":
      return formatOption(String(value));
    case "number":
      return typeof value === "number" ? formatNumber(value) : String(value);
    default:
      return String(value);
  }
}

/** A year span such as "1949–", "1955–1991" or "c. 1956–1979". */
export function formatSpan(founded: string | null, ended: string | null): string {
  const year = (d: string) => `${d.endsWith("~") ? "c. " : ""}${dateKey(d).slice(0, 4)}`;
  const from = founded ? year(founded) : "?";
  return ended ? `${from}–${year(ended)}` : `${from}–`;
}
