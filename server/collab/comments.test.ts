// Comment threads against the real collaboration server with real y-websocket clients: anchors
// (Yjs relative positions kept outside the document) follow concurrent edits and orphan when their
// text is deleted; comment notices reach connections that may read comments, and only those.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { type CommentNotice, decodeCommentNotice, MESSAGE_COMMENTS } from "@/lib/collab/protocol";
import { encodeAnchor, resolveAnchorInDoc } from "@/lib/comments/anchor";
import { announceCommentEvent } from "@/lib/comments/events";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import {
  connectClient,
  eventually,
  sleep,
  startTestCollabServer,
  synced,
  type TestClient,
  type TestCollabServer,
} from "@/lib/test/collab";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { startTestRedis } from "@/lib/test/redis";
import { appendParagraph } from "@/lib/test/ydoc";
import { RedisFanout } from "./redis-fanout";

/** The text node of the last paragraph of a briefing document. */
function lastText(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment(BRIEFING_FRAGMENT);
  const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** The text an anchor covers now in `doc`, or null when orphaned. */
function anchoredText(doc: Y.Doc, anchor: ReturnType<typeof encodeAnchor>): string | null {
  const at = resolveAnchorInDoc(doc, anchor);
  if (!at) return null;
  expect(at.to.type).toBe(at.from.type);
  return (at.from.type as Y.XmlText).toString().slice(at.from.index, at.to.index);
}

describe("comment threads over the collaboration server", () => {
  let t: TestDatabase;
  let server: TestCollabServer;
  let ownerId: string;
  let clients: TestClient[] = [];

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
    server = await startTestCollabServer(t, { idleUnloadMs: 60_000 });
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  const client = (id: string, token: string) => {
    const c = connectClient(server.url, id, token);
    clients.push(c);
    return c;
  };
  const briefing = async () => (await createBriefing(t.db, { title: "Reviewed", ownerId, template: "blank" })).id;

  it("keeps an anchor on its text through concurrent edits around it, and orphans it when the text is deleted", async () => {
    const id = await briefing();
    const [alice, bob] = [client(id, "alice"), client(id, "bob")];
    await Promise.all([synced(alice), synced(bob)]);
    appendParagraph(alice.doc, "The alliance ratified the treaty in 1949.");
    await eventually(() => bob.doc.getXmlFragment(BRIEFING_FRAGMENT).toString().includes("1949"), 5_000, "text at bob");
    // Bob comments on "ratified the treaty" (what the browser does through y-tiptap's mapping).
    const text = lastText(bob.doc);
    const start = text.toString().indexOf("ratified");
    const anchor = encodeAnchor(
      Y.createRelativePositionFromTypeIndex(text, start),
      // The end sticks to the character before it, so typing right after the range stays outside.
      Y.createRelativePositionFromTypeIndex(text, start + "ratified the treaty".length, -1),
    );
    expect(anchoredText(bob.doc, anchor)).toBe("ratified the treaty");
    // Both edit at once, before and after the range and at its very end, without seeing each other first.
    lastText(alice.doc).insert(0, "In Washington, ");
    lastText(bob.doc).insert(lastText(bob.doc).length - 1, " after a long debate");
    lastText(alice.doc).insert(lastText(alice.doc).toString().indexOf(" in 1949"), " (unanimously)");
    await eventually(
      () => lastText(alice.doc).toString() === lastText(bob.doc).toString() && lastText(bob.doc).length > 70,
      5_000,
      "convergence",
    );
    for (const c of [alice, bob]) expect(anchoredText(c.doc, anchor)).toBe("ratified the treaty");
    // A client that joins later resolves the same anchor from the stored document.
    const carol = client(id, "carol");
    await synced(carol);
    expect(anchoredText(carol.doc, anchor)).toBe("ratified the treaty");
    // Alice deletes the commented words (and a bit around them): the thread is orphaned everywhere.
    const current = lastText(alice.doc);
    const at = current.toString().indexOf("the alliance ratified".slice(4));
    current.delete(at, "alliance ratified the treaty".length);
    await eventually(() => anchoredText(bob.doc, anchor) === null, 5_000, "orphaned at bob");
    expect(anchoredText(carol.doc, anchor)).toBeNull();
    expect(lastText(bob.doc).toString()).not.toContain("ratified");
  });

  it("pushes comment notices to connections that may read comments, not to a share link without comments", async () => {
    const id = await briefing();
    const other = await briefing();
    const [alice, vera, link, elsewhere] = [
      client(id, "alice"),
      client(id, "viewer"),
      client(id, "link"),
      client(other, "bob"),
    ];
    await Promise.all([alice, vera, link, elsewhere].map(synced));
    const heard = new Map<TestClient, CommentNotice[]>();
    for (const c of [alice, vera, link, elsewhere]) {
      heard.set(c, []);
      c.provider.messageHandlers[MESSAGE_COMMENTS] = (_encoder, decoder) => {
        const notice = decodeCommentNotice(decoder);
        if (notice) heard.get(c)?.push(notice);
      };
    }
    announceCommentEvent({
      kind: "created",
      briefingId: id,
      threadId: "thread-1",
      commentId: "thread-1",
      actorId: "alice",
      mentionedUserIds: ["secret-mention"],
      threadParticipantIds: ["alice"],
    });
    await eventually(() => heard.get(vera)!.length === 1 && heard.get(alice)!.length === 1, 5_000, "notices");
    expect(heard.get(vera)).toEqual([
      { kind: "created", threadId: "thread-1", commentId: "thread-1", actorId: "alice" },
    ]);
    // Give a wrongly delivered notice the time to arrive: a later message on the same sockets
    // (a document change) is seen by every client first.
    appendParagraph(alice.doc, "after the notice");
    await eventually(
      () => link.doc.getXmlFragment(BRIEFING_FRAGMENT).length === 1,
      5_000,
      "the later change at the link",
    );
    await sleep(0);
    expect(heard.get(link)).toEqual([]);
    expect(heard.get(elsewhere)).toEqual([]);
  });

  it("relays comment notices between instances through Redis", async () => {
    const redis = await startTestRedis();
    const [fanoutA, fanoutB] = await Promise.all([
      RedisFanout.connect({ url: redis.url }),
      RedisFanout.connect({ url: redis.url }),
    ]);
    const [a, b] = await Promise.all([
      startTestCollabServer(t, { fanout: fanoutA }),
      startTestCollabServer(t, { fanout: fanoutB }),
    ]);
    try {
      const id = await briefing();
      const onA = connectClient(a.url, id, "alice");
      const onB = connectClient(b.url, id, "bob");
      clients.push(onA, onB);
      await Promise.all([synced(onA), synced(onB)]);
      const heard: { a: number; b: number } = { a: 0, b: 0 };
      onA.provider.messageHandlers[MESSAGE_COMMENTS] = () => void heard.a++;
      onB.provider.messageHandlers[MESSAGE_COMMENTS] = () => void heard.b++;
      // What instance A's comment channel publishes for a write made there (repeated until B's
      // subscription is live: pub/sub delivers nothing before).
      const notice = { kind: "replied", briefingId: id, threadId: "t", commentId: "c", actorId: "alice" };
      await eventually(
        () => {
          fanoutA.publishNotice("comments", JSON.stringify(notice));
          return heard.b > 0;
        },
        10_000,
        "the notice at instance B",
      );
      // An instance does not receive its own notices back (it delivered them itself already).
      expect(heard.a).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await Promise.all([fanoutA.close(), fanoutB.close()]);
      await redis.kill();
    }
  });
});
