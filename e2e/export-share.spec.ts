import fs from "node:fs";
import { type Download, expect, type Page, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingWriter } from "./pages/briefing-writer";

const FILES = [
  { item: /^PDF/, extension: "pdf", magic: "%PDF-" },
  { item: /^Word \(DOCX\)/, extension: "docx", magic: "PK" },
  { item: /^Markdown/, extension: "md", magic: "**UNCLASSIFIED" },
  { item: /^HTML/, extension: "html", magic: "<!doctype html>" },
];

async function readDownload(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file);
}

async function exportAs(page: Page, item: RegExp): Promise<Download> {
  await page.getByRole("button", { name: "Export ▾" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: item }).click(),
  ]);
  return download;
}

test("export every format, share a read-only live link, revoke it", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await new AuthFlow(owner).signUp("Erin Exporter", "erin.exporter@example.org");

  // A team briefing, written to over the collaboration websocket as a co-author's editor would.
  await owner.getByRole("link", { name: "Teams", exact: true }).click();
  await owner.getByLabel("New team name").fill("Export desk");
  await owner.getByRole("button", { name: "Create team" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Export desk" })).toBeVisible();
  await owner.goto("/briefings");
  await owner.getByRole("textbox", { name: "Title", exact: true }).fill("Pacific posture export");
  await owner.locator("select[name=teamId]").selectOption({ index: 1 });
  await owner.getByRole("button", { name: /^(New|Create) briefing$/ }).click();
  await expect(owner).toHaveURL(/\/briefings\/[^/]+$/);
  const briefingId = new URL(owner.url()).pathname.split("/").pop()!;
  const writer = await BriefingWriter.open(ownerContext, baseURL!, briefingId);
  try {
    await writer.append("heading", "Regional outlook");
    await writer.append("paragraph", "Initial analysis text for the export test.");
    await writer.appendCard("nato");

    // Marking, then each export format from the Export menu.
    await owner.goto(`/briefings/${briefingId}/export`);
    await owner.getByLabel("Classification marking").fill("UNCLASSIFIED // FOR OFFICIAL USE");
    await owner.getByRole("button", { name: "Save marking" }).click();
    await expect(owner.getByRole("status").filter({ hasText: "Marking set" })).toBeVisible();
    for (const { item, extension, magic } of FILES) {
      const download = await exportAs(owner, item);
      expect(download.suggestedFilename()).toBe(`Pacific posture export.${extension}`);
      const body = await readDownload(download);
      expect(body.length).toBeGreaterThan(200);
      expect(body.subarray(0, magic.length).toString("latin1")).toBe(magic);
    }
    const markdown = (await readDownload(await exportAs(owner, /^Markdown/))).toString("utf8");
    expect(markdown).toContain("## Regional outlook");
    expect(markdown).toContain("North Atlantic Treaty Organization");
    // Citations are footnotes whose definitions are the Sources entries.
    expect(markdown).toMatch(/## Sources\n\n\[\^1\]: \\\[1\\\] \[/);

    // Layout options: US Letter without a table of contents.
    await owner.getByRole("button", { name: "Export ▾" }).click();
    await owner.getByLabel("Paper (PDF)").selectOption("letter");
    await owner.getByRole("checkbox", { name: /Table of contents/ }).uncheck();
    const [letter] = await Promise.all([
      owner.waitForEvent("download"),
      owner.getByRole("menuitem", { name: /^PDF/ }).click(),
    ]);
    const letterPdf = (await readDownload(letter)).toString("latin1");
    expect(letterPdf).toContain("/MediaBox [0 0 612 792]");
    expect(letterPdf).not.toContain("/S /TOC");

    // A read-only link, opened by someone who is not signed in.
    await owner.getByRole("button", { name: "Create read-only link" }).click();
    const shareUrl = await owner.getByTestId("new-share-link").inputValue();
    expect(shareUrl).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
    await expect(owner.getByTestId("share-link-row")).toHaveCount(1);

    const guestContext = await browser.newContext();
    const guest = await guestContext.newPage();
    // The page follows the briefing over a read-only collaboration websocket authorized by the link.
    const liveSocket = guest.waitForEvent("websocket", (ws) => ws.url().includes("share="));
    await guest.goto(new URL(shareUrl).pathname);
    const socket = await liveSocket;
    await expect(guest.getByRole("heading", { level: 1, name: "Pacific posture export" })).toBeVisible();
    await expect(guest.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(guest.getByText("Initial analysis text for the export test.")).toBeVisible();
    await expect(guest.getByTestId("shared-card")).toContainText("North Atlantic Treaty Organization");
    await expect(guest.getByRole("heading", { name: "Sources" })).toBeVisible();
    await expect(guest.getByText("UNCLASSIFIED // FOR OFFICIAL USE").first()).toBeVisible();

    // The owner keeps writing: the open share page follows.
    await writer.append("paragraph", "A live edit made after the link was opened.");
    await expect(guest.getByText("A live edit made after the link was opened.")).toBeVisible();

    // Downloads from the share page work without an account.
    const [pdf] = await Promise.all([
      guest.waitForEvent("download"),
      guest.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    expect((await readDownload(pdf)).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Revoking: the open page turns into the invalid-link page, and the URL stays dead.
    await owner.reload();
    const socketClosed = socket.waitForEvent("close");
    await owner.getByRole("button", { name: /^Revoke the link/ }).click();
    await expect(owner.getByText("No active links.")).toBeVisible();
    await socketClosed; // closed by the server, not by a poll
    await expect(guest.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible({ timeout: 5_000 });
    const reopened = await guest.goto(new URL(shareUrl).pathname);
    expect(reopened?.status()).toBe(404);
    await expect(guest.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
    await guestContext.close();
  } finally {
    writer.close();
    await ownerContext.close();
  }
});
