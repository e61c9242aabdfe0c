/**
 * What the editor, the share page and every export show in place of an embedded saved comparison
 * that the embed rule hides (see isComparisonVisibleIn) or that was deleted: one sentence, so no
 * path tells more than another.
 */
export const COMPARISON_UNAVAILABLE =
  "This saved comparison is not available: it was deleted, or the briefing's owner cannot see it.";
