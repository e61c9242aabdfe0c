/** A same-site path to return to after signing in; anything else (other hosts, odd schemes) -> fallback. */
export function safeNext(value: string | string[] | undefined, fallback = "/briefings"): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  return next;
}
