// The shapes the audit trail stores for values and members. Recording and reverting use the same
// functions, so a revert writes back exactly what was recorded.

type StoredSource = { title: string; url: string; publisher: string | null; accessed: string | null; type: string };

export type AttributeSnapshot = {
  value: string;
  note: string | null;
  asOf: string | null;
  reviewDue: string | null;
  sources: StoredSource[];
};

/** A value with its sources as the history records it (asOf/reviewDue absent in older records = null). */
export function attributeSnapshot(v: {
  value: string;
  note: string | null;
  asOf?: string | null;
  reviewDue?: string | null;
  sources: StoredSource[];
}): AttributeSnapshot {
  return {
    value: v.value,
    note: v.note,
    asOf: v.asOf ?? null,
    reviewDue: v.reviewDue ?? null,
    sources: v.sources.map(({ title, url, publisher, accessed, type }) => ({ title, url, publisher, accessed, type })),
  };
}

/** The membership columns the history records, in this order. */
export const memberSelect = {
  country: true,
  role: true,
  joined: true,
  left: true,
  status: true,
  statusSince: true,
} as const;
