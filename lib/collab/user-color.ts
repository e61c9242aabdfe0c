/**
 * Caret and presence colours: distinct, dark enough for white label text (WCAG AA for the label),
 * and in the #rrggbb form CollaborationCaret accepts.
 */
export const USER_COLORS = [
  "#1f4e8c",
  "#b3261e",
  "#1d6b3a",
  "#7a3e9d",
  "#9a5b00",
  "#00677f",
  "#a4327a",
  "#4a5a16",
  "#5b4bc4",
  "#8a3b12",
] as const;

/** A stable colour for a user: the same id gets the same colour in every browser and session. */
export function userColor(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return USER_COLORS[(hash >>> 0) % USER_COLORS.length]!;
}
