const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "27 Nov 2026, 14:03:05 UTC": the same on the server and in every browser (no hydration drift). */
export function formatWhen(iso: string | null, none = "Never"): string {
  if (!iso) return none;
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${time} UTC`;
}

const STATUS_LABELS: Record<string, string> = {
  pending: "Waiting",
  succeeded: "Delivered",
  failed: "Failed",
  skipped: "Not sent",
};

/** A delivery's status in words, with the receiver's HTTP status when there was one. */
export function deliveryStatus(status: string, responseStatus: number | null): string {
  const label = STATUS_LABELS[status] ?? status;
  return responseStatus ? `${label} (HTTP ${responseStatus})` : label;
}
