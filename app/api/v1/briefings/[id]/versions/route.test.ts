import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { VERSION_LIMITS } from "@/lib/versions/schema";

const MARKDOWN = "# Baltic posture\n\nThe forward presence.\n\nAllied rotation schedule.";

describe.each(PROVIDERS)("/api/v1/briefings/:id/versions, /diff and restore on %s", (provider) => {
  let t: TestDatabase;
  let owner: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let write: Headers;
  let read: Headers;
  let viewerWrite: Headers;
  let id = "";
  let versions: typeof import("./route");
  let content: typeof import("./[vid]/content/route");
  let restore: typeof import("./[vid]/restore/route");
  let exporter: typeof import("./[vid]/export/route");
  let diff: typeof import("../diff/route");
  let current: typeof import("../content/route");

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    owner = await signUp(getAuth(t.db), "Owner");
    viewer = await signUp(getAuth(t.db), "Viewer");
    outsider = await signUp(getAuth(t.db), "Outsider");
    write = (await bearer(t.db, owner.id, "write")).headers;
    read = (await bearer(t.db, owner.id, "read")).headers;
    viewerWrite = (await bearer(t.db, viewer.id, "write")).headers;
    const create = (await import("../../route")).POST;
    const created = await callRoute(create, "POST", "/api/v1/briefings", {
      headers: write,
      json: { title: "Posture", markdown: MARKDOWN },
    });
    ({ id } = await created.json());
    await t.db.briefingGrant.create({ data: { briefingId: id, userId: viewer.id, role: "viewer" } });
    versions = await import("./route");
    content = await import("./[vid]/content/route");
    restore = await import("./[vid]/restore/route");
    exporter = await import("./[vid]/export/route");
    diff = await import("../diff/route");
    current = await import("../content/route");
  });
  afterAll(() => t?.drop());

  const base = () => `/api/v1/briefings/${id}`;
  const list = (headers = read) => callRoute(versions.GET, "GET", `${base()}/versions`, { headers, params: { id } });
  const name = (json: unknown, headers = write) =>
    callRoute(versions.POST, "POST", `${base()}/versions`, { headers, json, params: { id } });
  const getContent = (vid: string, query: string, headers = read) =>
    callRoute(content.GET, "GET", `${base()}/versions/${vid}/content?${query}`, { headers, params: { id, vid } });
  const getDiff = (query: string, headers = read) =>
    callRoute(diff.GET, "GET", `${base()}/diff?${query}`, { headers, params: { id } });
  const postRestore = (vid: string, json: unknown, headers = write) =>
    callRoute(restore.POST, "POST", `${base()}/versions/${vid}/restore`, { headers, json, params: { id, vid } });
  const currentText = async () =>
    (await callRoute(current.GET, "GET", `${base()}/content?format=text`, { headers: read, params: { id } })).text();
  /** Changes the document as an editor would, through the content a restore writes (a second version). */
  const snapshotNamed = async (title: string) => (await (await name({ name: title })).json()).version;

  it("names the current document, lists it with its creator, serves its content as JSON and Markdown", async () => {
    const response = await name({ name: "  Sent to Director  " });
    expect(response.status).toBe(201);
    const { version } = await response.json();
    expect(version).toMatchObject({
      name: "Sent to Director",
      kind: "named",
      createdBy: { id: owner.id, name: "Owner" },
    });
    const listed = await (await list()).json();
    expect(listed.versions[0]).toMatchObject({ id: version.id, name: "Sent to Director" });
    expect((await list(viewerWrite)).status).toBe(200);
    const json = await (await getContent(version.id, "format=json")).json();
    expect(json.content.content.map((n: { type: string }) => n.type)).toEqual(["heading", "paragraph", "paragraph"]);
    const md = await getContent(version.id, "format=md");
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const text = await md.text();
    expect(text).toContain("# Baltic posture");
    expect(text).toContain("As of “Sent to Director”");
  });

  it("diffs two versions and a version and now, restores a version as a new change and one block of it", async () => {
    const first = (await (await list()).json()).versions.at(-1);
    // Change the document: restore is the only writer here, so build a second state by restoring a block later.
    const sameDiff = await (await getDiff(`from=${first.id}&to=current`)).json();
    expect(sameDiff.to).toBe("current");
    expect(sameDiff.diff.stats).toEqual({ inserted: 0, deleted: 0, changedBlocks: 0 });
    expect(sameDiff.authors).toEqual([]);

    // A second state: write new content straight into the document through the briefing API's restore path.
    const { editDocument } = await import("@/lib/versions/live");
    const { appendParagraph } = await import("@/lib/test/ydoc");
    const { noteAuthors } = await import("@/lib/versions/authors");
    await editDocument(t.db, id, (doc) => appendParagraph(doc, "Added after sending."));
    // As the collaboration server notes whose batch it stored.
    await noteAuthors(t.db, id, [viewer.id]);
    const pending = await (await getDiff(`from=${first.id}&to=current`)).json();
    expect(pending.authors).toEqual([{ id: viewer.id, name: "Viewer" }]);
    const second = await snapshotNamed("With addition");
    const between = await (await getDiff(`from=${first.id}&to=${second.id}`)).json();
    expect(between.diff.blocks.filter((b: { kind: string }) => b.kind !== "same")).toEqual([
      expect.objectContaining({ kind: "insert", toIndex: 3 }),
    ]);
    // Who changed it: the authors of the versions in the range (either way round), not the namer.
    expect(between.authors).toEqual([{ id: viewer.id, name: "Viewer" }]);
    expect((await (await getDiff(`from=${second.id}&to=${first.id}`)).json()).authors).toEqual(between.authors);

    // Restore the first version: the addition goes, as a new change with its own version.
    const restored = await postRestore(first.id, {});
    expect(restored.status).toBe(200);
    const { version } = await restored.json();
    expect(version).toMatchObject({ kind: "restore", createdBy: { id: owner.id } });
    expect(version.name).toMatch(/^Restored “Sent to Director”/);
    expect(await currentText()).not.toContain("Added after sending.");
    // The second version is still there and still has the addition.
    const md = await (await getContent(second.id, "format=md")).text();
    expect(md).toContain("Added after sending.");

    // One block back from the diff second -> current: the added paragraph.
    const back = await (await getDiff(`from=${second.id}`)).json();
    const change = back.diff.blocks.find((b: { kind: string }) => b.kind !== "same");
    const block = { from: change.fromIndex ?? null, to: change.toIndex ?? null };
    expect((await postRestore(second.id, { block })).status).toBe(200);
    expect(await currentText()).toContain("Added after sending.");
    // The same block again: no longer in the diff, 409 and nothing changes.
    const again = await postRestore(second.id, { block });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("conflict");
  });

  it("exports a version in every format, marked as of its name", async () => {
    const [latest] = (await (await list()).json()).versions;
    const magic: Record<string, string> = { pdf: "%PDF-", docx: "PK", md: "", html: "<!doctype html>" };
    for (const [format, start] of Object.entries(magic)) {
      const response = await callRoute(exporter.GET, "GET", `${base()}/versions/${latest.id}/export?format=${format}`, {
        headers: read,
        params: { id, vid: latest.id },
      });
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, start.length).toString("latin1")).toBe(start);
      if (format === "html") expect(bytes.toString("utf8")).toContain("As of “Restored a block of");
    }
  });

  it("lets read rights see history and diffs but not name or restore; strangers get 404", async () => {
    const [latest] = (await (await list()).json()).versions;
    const before = (await (await list()).json()).versions.length;
    for (const response of [
      await name({ name: "Viewer try" }, viewerWrite),
      await postRestore(latest.id, {}, viewerWrite),
      await name({ name: "Read token" }, read),
    ]) {
      expect(response.status).toBe(403);
    }
    expect((await getDiff(`from=${latest.id}`, viewerWrite)).status).toBe(200);
    const stranger = (await bearer(t.db, outsider.id, "write")).headers;
    for (const response of [
      await list(stranger),
      await getContent(latest.id, "format=json", stranger),
      await getDiff(`from=${latest.id}`, stranger),
      await postRestore(latest.id, {}, stranger),
      await getContent("nope", "format=json"),
    ]) {
      expect(response.status).toBe(404);
    }
    expect((await (await list()).json()).versions.length).toBe(before);
  });

  it("refuses bad input with 400 naming the field and changes nothing", async () => {
    const [latest] = (await (await list()).json()).versions;
    const before = (await (await list()).json()).versions.length;
    const cases = [
      [await name({ name: "" }), "name"],
      [await name({ name: "x".repeat(VERSION_LIMITS.nameLength + 1) }), "name"],
      [await name({ name: "ok", extra: 1 }), null],
      [await getContent(latest.id, "format=pdf"), "format"],
      [await getDiff("to=current"), "from"],
      [await postRestore(latest.id, { block: { from: null, to: null } }), null],
      [await postRestore(latest.id, { block: { from: -1, to: 0 } }), null],
    ] as const;
    for (const [response, field] of cases) {
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("bad_request");
      if (field) expect(body.error.fields[field]).toEqual([expect.any(String)]);
    }
    const noJson = await callRoute(versions.POST, "POST", `${base()}/versions`, {
      headers: write,
      body: "name=x",
      params: { id },
    });
    expect(noJson.status).toBe(400);
    expect((await (await list()).json()).versions.length).toBe(before);
  });

  it("limits named versions per briefing", async () => {
    const named = await t.db.briefingVersion.count({ where: { briefingId: id, kind: "named" } });
    const { captureVersion } = await import("@/lib/versions/store");
    for (let i = named; i < VERSION_LIMITS.namedPerBriefing; i++) {
      await captureVersion(t.db, id, { kind: "named", name: `n${i}`, now: new Date() });
    }
    const response = await name({ name: "One too many" });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toContain(String(VERSION_LIMITS.namedPerBriefing));
  });
});
