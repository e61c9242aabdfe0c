import { formatOption, formatValue } from "@/lib/catalog/format";
import { decodeValue } from "@/lib/catalog/schema";
import type { MatrixDimension, TypedValue } from "./types";

/** Stored text -> typed value (null stays null). */
export function typedValue(dimension: MatrixDimension, raw: string | null): TypedValue | null {
  return raw === null ? null : decodeValue(dimension.valueType, raw);
}

/** What a cell shows: "Yes", "Consensus", "24 Aug 1949", "32"; an em dash when there is no value. */
export function displayValue(dimension: MatrixDimension, raw: string | null): string {
  return formatValue(dimension.valueType, typedValue(dimension, raw));
}

/**
 * What a CSV cell holds: spreadsheet-friendly rather than pretty. Numbers without grouping
 * separators and ISO dates (both sort and parse in spreadsheet apps); empty when there is no value.
 */
export function csvValue(dimension: MatrixDimension, raw: string | null): string {
  if (raw === null) return "";
  switch (dimension.valueType) {
    case "boolean":
      return raw === "true" ? "Yes" : "No";
    case "enum":
      return formatOption(raw);
    default:
      return raw;
  }
}

/** Lower-case text a row filter matches against: the shown value plus the stored one. */
export function searchTextOf(dimension: MatrixDimension, raw: string | null): string {
  if (raw === null) return "";
  const shown = displayValue(dimension, raw).toLowerCase();
  return shown === raw.toLowerCase() ? shown : `${shown} ${raw.toLowerCase()}`;
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Ascending comparison of two present values of one dimension (enum options keep catalog order). */
export function compareValues(dimension: MatrixDimension, a: string, b: string): number {
  switch (dimension.valueType) {
    case "number":
      return Number(a) - Number(b);
    case "boolean":
      // Yes before No: ascending reads "has it" first, which is what analysts scan for.
      return a === b ? 0 : a === "true" ? -1 : 1;
    case "enum": {
      const ia = dimension.options.indexOf(a);
      const ib = dimension.options.indexOf(b);
      return ia - ib || collator.compare(a, b);
    }
    case "date":
      return a < b ? -1 : a > b ? 1 : 0;
    default:
      return collator.compare(a, b);
  }
}

/** Comparison of shown values across different dimensions (sorting dimension rows by one framework). */
export function compareDisplays(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Locale-aware text comparison used for names and labels. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}
