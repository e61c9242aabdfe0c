// A footnote's text is ordinary document text (lib/editor/nodes/footnote.ts): two editors typing in
// the same note at once both keep their words, and the stored document has the merged note.
// Real server, real y-websocket clients.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadCurrentContent } from "@/lib/briefings/doc/current";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { eventually, type TestClient } from "@/lib/test/collab";
import { collabSuite } from "@/lib/test/collab-suite";
import { PROVIDERS } from "@/lib/test/databases";

const CONTENT = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Allies decide" },
        { type: "footnote", content: [{ type: "text", text: "See annex." }] },
      ],
    },
  ],
};

/** The text of the first footnote in a client's copy of the document. */
function noteText(c: TestClient): Y.XmlText {
  const paragraph = c.doc.getXmlFragment(BRIEFING_FRAGMENT).get(0) as Y.XmlElement;
  const note = paragraph.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === "footnote") as Y.XmlElement;
  return note.get(0) as Y.XmlText;
}

describe.each(PROVIDERS)("footnotes over the collaboration server on %s", (provider) => {
  const suite = collabSuite(provider);

  it("merges two editors typing in the same note at once, and stores the merged note", async () => {
    const id = await suite.briefing("Noted", CONTENT);
    const alice = await suite.open(id, "alice");
    const bob = await suite.open(id, "bob");
    expect(noteText(alice).toString()).toBe("See annex.");
    // Both edit before either has seen the other's change.
    noteText(alice).insert(0, "Alice: ");
    noteText(bob).insert("See annex.".length, " Bob was here.");
    const merged = "Alice: See annex. Bob was here.";
    await eventually(() => noteText(alice).toString() === merged, 5_000, "Alice sees both edits");
    await eventually(() => noteText(bob).toString() === merged, 5_000, "Bob sees both edits");
    await eventually(
      async () => {
        const json = JSON.stringify(await loadCurrentContent(suite.t.db, id));
        return json.includes(`"type":"footnote","content":[{"type":"text","text":"${merged}"}]`);
      },
      10_000,
      "the stored document has the merged note",
    );
  });
});
