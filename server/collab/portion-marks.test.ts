// Portion marks are a block attribute in the shared document (lib/editor/portion-marks.ts): one
// editor's mark reaches the other editors through the server and is stored like text, and comes
// back with the text when a version is restored; a viewer's is dropped; a mark the briefing's
// profile does not know is stored as sent but counts as unmarked everywhere it is read. Real
// server, real y-websocket clients.
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { loadCurrentContent } from "@/lib/briefings/doc/current";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { markingOf } from "@/lib/marking/document";
import { shippedProfile } from "@/lib/marking/shipped";
import { eventually, type TestClient } from "@/lib/test/collab";
import { collabSuite } from "@/lib/test/collab-suite";
import { PROVIDERS } from "@/lib/test/databases";
import { restoreVersion } from "@/lib/versions/service";
import { captureVersion } from "@/lib/versions/store";

const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe.each(PROVIDERS)("portion marks over the collaboration server on %s", (provider) => {
  const suite = collabSuite(provider);
  const block = (c: TestClient, index: number) => c.doc.getXmlFragment(BRIEFING_FRAGMENT).get(index) as Y.XmlElement;

  it("shows one editor's portion mark to the other and stores it, so the banner follows", async () => {
    const id = await suite.briefing("Marked live", { type: "doc", content: [para("First."), para("Second.")] });
    const alice = await suite.open(id, "alice");
    const bob = await suite.open(id, "bob");
    block(alice, 1).setAttribute("portion", "S/NOFORN");
    await eventually(() => block(bob, 1).getAttribute("portion") === "S/NOFORN", 5_000, "Bob sees Alice's mark");
    block(bob, 0).setAttribute("portion", "U");
    await eventually(() => block(alice, 0).getAttribute("portion") === "U", 5_000, "Alice sees Bob's mark");
    const us = shippedProfile("us-cnsi");
    if (!us) throw new Error("no US profile");
    await eventually(
      async () => {
        const json = await loadCurrentContent(suite.t.db, id);
        return (
          json !== null && markingOf(us, json).banner === "SECRET//NOFORN" && markingOf(us, json).unmarked.length === 0
        );
      },
      10_000,
      "the stored document carries both marks",
    );
  });

  it("drops a viewer's portion mark", async () => {
    const id = await suite.briefing("Read only", { type: "doc", content: [para("Only text."), para("Second.")] });
    const viewer = await suite.open(id, "viewer");
    const alice = await suite.open(id, "alice");
    block(viewer, 0).setAttribute("portion", "TS");
    // The viewer's change went out first; Alice's later one is stored, the viewer's is not.
    block(alice, 1).setAttribute("portion", "C");
    await eventually(
      async () => (await loadCurrentContent(suite.t.db, id))?.content?.[1]?.attrs?.portion === "C",
      10_000,
    );
    const stored = await loadCurrentContent(suite.t.db, id);
    expect(stored?.content?.[0]?.attrs?.portion ?? null).toBeNull();
    const bob = await suite.open(id, "bob");
    expect(block(bob, 0).getAttribute("portion")).toBeUndefined();
    expect(block(bob, 1).getAttribute("portion")).toBe("C");
  });

  it("a mark set by one editor survives the restore of a version that had it", async () => {
    const id = await suite.briefing("Restored marks", {
      type: "doc",
      content: [para("Assessment."), para("Context.")],
    });
    const alice = await suite.open(id, "alice");
    const bob = await suite.open(id, "bob");
    block(alice, 0).setAttribute("portion", "S/NOFORN");
    await eventually(() => block(bob, 0).getAttribute("portion") === "S/NOFORN", 5_000, "Bob sees Alice's mark");
    await eventually(
      async () => (await loadCurrentContent(suite.t.db, id))?.content?.[0]?.attrs?.portion === "S/NOFORN",
      10_000,
    );
    const marked = await captureVersion(suite.t.db, id, { kind: "named", name: "Marked", now: new Date() });
    // Bob lowers the mark afterwards; the restore brings Alice's back to both of them and to storage.
    block(bob, 0).setAttribute("portion", "U");
    await eventually(
      async () => (await loadCurrentContent(suite.t.db, id))?.content?.[0]?.attrs?.portion === "U",
      10_000,
    );
    expect(block(alice, 0).getAttribute("portion")).toBe("U");
    await restoreVersion(suite.t.db, { id: suite.ownerId, isAdmin: false, catalogEditor: false }, id, marked!.id);
    await eventually(() => block(alice, 0).getAttribute("portion") === "S/NOFORN", 5_000, "restore reached Alice");
    await eventually(() => block(bob, 0).getAttribute("portion") === "S/NOFORN", 5_000, "restore reached Bob");
    const stored = await loadCurrentContent(suite.t.db, id);
    expect(stored?.content?.[0]?.attrs?.portion).toBe("S/NOFORN");
    expect(stored?.content?.[1]?.attrs?.portion ?? null).toBeNull();
  });

  it("a mark the profile does not know, sent over the socket, counts as unmarked and is flagged", async () => {
    const id = await suite.briefing("Foreign mark", { type: "doc", content: [para("Ours."), para("Theirs.")] });
    const alice = await suite.open(id, "alice");
    block(alice, 0).setAttribute("portion", "OS");
    // A US mark in a UK-marked briefing (a stale or hostile client): NOFORN is no UK control.
    block(alice, 1).setAttribute("portion", "TS/NOFORN");
    await eventually(
      async () => (await loadCurrentContent(suite.t.db, id))?.content?.[1]?.attrs?.portion === "TS/NOFORN",
      10_000,
    );
    const json = (await loadCurrentContent(suite.t.db, id))!;
    const uk = shippedProfile("uk-gscp")!;
    const marking = markingOf(uk, json);
    // Not TOP SECRET: the unknown mark is no mark, so the banner is the highest valid one.
    expect(marking.banner).toBe("OFFICIAL-SENSITIVE");
    expect(marking.issues.map((i) => i.kind)).toEqual(["unknown-code"]);
    // Under a profile that requires marks it is listed as unmarked, so downloads are refused.
    expect(markingOf(shippedProfile("nato")!, json).unmarked).toHaveLength(2);
  });
});
