import { describe, expect, it } from "vitest";
import { threadsAsOf } from "./as-of";
import type { ThreadView } from "./queries";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString();
const person = { id: "u1", name: "Ana" };

function thread(id: string, createdMinute: number, extra: Partial<ThreadView> = {}): ThreadView {
  return {
    id,
    quote: "text",
    anchor: null,
    resolved: false,
    resolvedAt: null,
    createdAt: at(createdMinute),
    comments: [
      {
        id,
        author: person,
        body: "first",
        mentions: [],
        createdAt: at(createdMinute),
        editedAt: null,
        deleted: false,
      },
    ],
    activity: [],
    ...extra,
  };
}

describe("threadsAsOf", () => {
  const version = new Date(at(30));

  it("keeps threads and comments written by the version's time, and drops later ones", () => {
    const early = thread("early", 10);
    early.comments.push({ ...early.comments[0]!, id: "late-reply", body: "later", createdAt: at(40) });
    const shown = threadsAsOf([early, thread("late", 31)], version);
    expect(shown.map((t) => t.id)).toEqual(["early"]);
    expect(shown[0]!.comments.map((c) => c.id)).toEqual(["early"]);
  });

  it("shows the resolved state the version's time had, whatever happened since", () => {
    const resolvedLater = thread("a", 10, {
      resolved: true,
      resolvedAt: at(40),
      activity: [{ kind: "resolved", commentId: "a", actor: person, at: at(40) }],
    });
    const reopenedLater = thread("b", 10, {
      resolved: false,
      activity: [
        { kind: "resolved", commentId: "b", actor: person, at: at(20) },
        { kind: "reopened", commentId: "b", actor: person, at: at(35) },
      ],
    });
    const [a, b] = threadsAsOf([resolvedLater, reopenedLater], version);
    expect(a).toMatchObject({ resolved: false, resolvedAt: null, activity: [] });
    expect(b).toMatchObject({ resolved: true, resolvedAt: at(20) });
    expect(b!.activity.map((event) => event.kind)).toEqual(["resolved"]);
  });
});
