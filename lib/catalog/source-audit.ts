import { checkSourceUrl, inferSourceType, type SourceType } from "./source-policy";

// Applies the source policy to raw exchange frameworks (the seed files): classifies what may stay,
// drops what the denylist refuses, and keeps a value whose every source was refused, flagged
// "needs a source" instead of dropping it silently.

type RawSource = { url: string; type?: string; [field: string]: unknown };
type RawAttribute = { dimension: string; sources: RawSource[]; needsSource?: boolean; [field: string]: unknown };
export type RawFramework = { slug: string; attributes: RawAttribute[]; [field: string]: unknown };

export type SourceAudit = {
  /** Every refused citation: where it was and why. */
  refused: { slug: string; dimension: string; url: string; reason: string }[];
  /** Values left with no acceptable source, now flagged `needsSource`. */
  orphaned: { slug: string; dimension: string }[];
};

/**
 * Returns the frameworks with the policy applied (inputs are not modified) and what it did.
 * Sources keep their type when they have one; otherwise the host decides (inferSourceType).
 */
export function applySourcePolicy(frameworks: RawFramework[]): { frameworks: RawFramework[]; audit: SourceAudit } {
  const audit: SourceAudit = { refused: [], orphaned: [] };
  const out = frameworks.map((f) => ({
    ...f,
    attributes: f.attributes.map((a) => {
      const kept: RawSource[] = [];
      for (const s of a.sources) {
        const verdict = checkSourceUrl(s.url);
        if (verdict.ok) kept.push({ ...s, type: s.type ?? (inferSourceType(s.url) satisfies SourceType) });
        else audit.refused.push({ slug: f.slug, dimension: a.dimension, url: s.url, reason: verdict.reason });
      }
      const { needsSource: _old, ...rest } = a;
      if (kept.length > 0) return { ...rest, sources: kept };
      audit.orphaned.push({ slug: f.slug, dimension: a.dimension });
      return { ...rest, sources: [], needsSource: true };
    }),
  }));
  return { frameworks: out, audit };
}
