"use client";

import { useSyncExternalStore } from "react";
import type { SaveStatus } from "@/lib/collab/save-status";

/**
 * The save status of each briefing open in an editor on this page, for components outside the
 * editor (the Export menu sits in the page header, not inside the editor's tree).
 */
const statuses = new Map<string, SaveStatus>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Records the editor's status of a briefing; null when its editor closes. */
export function publishSaveStatus(briefingId: string, status: SaveStatus | null): void {
  if ((statuses.get(briefingId) ?? null) === status) return;
  if (status === null) statuses.delete(briefingId);
  else statuses.set(briefingId, status);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The status of the briefing's open editor, or null when no editor of it is open on this page. */
export function useSaveStatus(briefingId: string): SaveStatus | null {
  return useSyncExternalStore(
    subscribe,
    () => statuses.get(briefingId) ?? null,
    () => null,
  );
}
