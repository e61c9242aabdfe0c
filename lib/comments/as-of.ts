import type { ThreadView } from "./queries";

/**
 * The threads as they stood at `at` (a version's time): threads and comments written by then,
 * resolved or open as the last resolve/reopen by then left them. Comments keep their current
 * wording: an edit or deletion made later shows (the old wording is not kept).
 */
export function threadsAsOf(threads: readonly ThreadView[], at: Date): ThreadView[] {
  const time = at.getTime();
  const byThen = (iso: string) => new Date(iso).getTime() <= time;
  return threads
    .filter((thread) => byThen(thread.createdAt))
    .map((thread) => {
      const activity = thread.activity.filter((event) => byThen(event.at));
      const lastState = activity.filter((event) => event.kind === "resolved" || event.kind === "reopened").at(-1);
      const resolved = lastState?.kind === "resolved";
      return {
        ...thread,
        resolved,
        resolvedAt: resolved ? lastState.at : null,
        comments: thread.comments.filter((comment) => byThen(comment.createdAt)),
        activity,
      };
    });
}
