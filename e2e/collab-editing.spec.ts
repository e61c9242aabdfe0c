import { type Browser, expect, type Page, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingPage, BriefingsList } from "./pages/briefing-page";

// One co-editing story: an owner, an editor and a viewer on one briefing, in order.
test.describe.configure({ mode: "serial" });

const OWNER = { name: "Olga Owner", email: "olga.collab@example.org" };
const EDITOR = { name: "Eli Editor", email: "eli.collab@example.org" };
const VIEWER = { name: "Vic Viewer", email: "vic.collab@example.org" };

async function signedUp(browser: Browser, user: { name: string; email: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthFlow(page).signUp(user.name, user.email);
  return { context, page, briefing: new BriefingPage(page) };
}

/** Saves a comparison through the Compare page's "Save comparison" form. */
async function saveComparison(page: Page, name: string) {
  await page.goto("/compare?fw=nato,aukus,quad&diff=1");
  await page.getByRole("button", { name: "Save comparison" }).click();
  const form = page.getByRole("form", { name: "Save comparison" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved. Briefings can embed it.")).toBeVisible();
}

test("co-editing: text and carets, a read-only viewer, embeds, persistence and offline edits", async ({ browser }) => {
  test.setTimeout(240_000);
  const owner = await signedUp(browser, OWNER);
  const editor = await signedUp(browser, EDITOR);
  const viewer = await signedUp(browser, VIEWER);

  await saveComparison(owner.page, "Pacific alliances");

  // The owner creates a policy brief (the template comes from the server) and shares it.
  const list = new BriefingsList(owner.page);
  await list.goto();
  await list.create("Indo-Pacific posture", "Policy brief");
  const o = owner.briefing;
  await o.waitUntilSaved();
  await expect(o.editor().getByRole("heading", { name: "Recommendation" })).toHaveCount(1);
  await o.share(EDITOR.email, "Editor");
  await o.share(VIEWER.email, "Viewer");
  const url = owner.page.url();

  // Both editors type; each sees the other's text and caret, and who is here.
  const e = editor.briefing;
  await e.goto(url);
  await expect(e.editor().getByRole("heading", { name: "Summary" })).toHaveCount(1);
  await o.typeUnder("Summary", "Olga drafts the summary.");
  await expect(e.editor()).toContainText("Olga drafts the summary.");
  await e.typeUnder("Background", "Eli adds background.");
  await expect(o.editor()).toContainText("Eli adds background.");
  await expect(o.carets().filter({ hasText: EDITOR.name })).toBeVisible();
  await expect(e.carets().filter({ hasText: OWNER.name })).toBeVisible();
  await expect(o.people().getByText(EDITOR.name)).toBeAttached();
  // The template was written once, on the server: opening it twice did not duplicate it.
  await expect(e.editor().getByRole("heading", { name: "Summary" })).toHaveCount(1);

  // The viewer reads along but cannot type: no toolbar, a read-only editor, and nothing changes.
  const v = viewer.briefing;
  await v.goto(url);
  await expect(v.status()).toHaveText("Read-only");
  await expect(v.toolbar()).toHaveCount(0);
  await expect(v.editor()).toHaveAttribute("contenteditable", "false");
  await v.editor().getByText("Olga drafts the summary.").click();
  await viewer.page.keyboard.type("Vandalism");
  await expect(v.editor()).toContainText("Eli adds background.");
  await expect(v.editor()).not.toContainText("Vandalism");

  // Embeds: a live framework card from a catalog search and a saved comparison.
  await o.typeAtEnd("Evidence:");
  await o.insertFramework("AUKUS", "AUKUS");
  await expect(o.frameworkEmbeds()).toHaveCount(1);
  await expect(o.frameworkEmbeds().first()).toContainText("Live from the catalog");
  await o.insertFramework("nato", "North Atlantic Treaty Organization", "pinned");
  await expect(o.frameworkEmbeds()).toHaveCount(2);
  await expect(o.frameworkEmbeds().nth(1)).toContainText("Pinned as of");
  await o.insertComparison("Pacific alliances");
  const matrix = o.comparisonEmbeds().first();
  await expect(matrix.getByRole("table")).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: "NATO" })).toBeVisible();
  await expect(matrix.getByRole("link", { name: "Open in Compare" })).toHaveAttribute("href", /^\/compare\?fw=nato/);
  await expect(e.frameworkEmbeds()).toHaveCount(2);
  await expect(e.frameworkEmbeds().first()).toContainText("AUKUS");
  await expect(e.frameworkEmbeds().nth(1)).toContainText("North Atlantic Treaty Organization");
  // The comparison is the owner's own: embedding it shares its table with the briefing's readers
  // (the embed rule), in the editor as on share links and in exports.
  await expect(e.comparisonEmbeds().getByRole("columnheader", { name: "NATO" })).toBeVisible();
  await o.waitUntilSaved();

  // Reload; and the viewer drops the copy kept on the device first, so what it shows came from
  // the server's storage.
  await owner.page.reload();
  await o.waitUntilSaved();
  await viewer.page.goto("/briefings");
  const briefingId = new URL(url).pathname.split("/").pop();
  await viewer.page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = resolve;
        request.onerror = reject;
        request.onblocked = reject;
      }),
    `briefing:${briefingId}`,
  );
  await v.goto(url);
  for (const b of [o, v]) {
    await expect(b.editor()).toContainText("Olga drafts the summary.");
    await expect(b.editor()).toContainText("Eli adds background.");
    await expect(b.editor()).toContainText("Evidence:");
    await expect(b.frameworkEmbeds()).toHaveCount(2);
    await expect(b.frameworkEmbeds().nth(1)).toContainText("Pinned as of");
    await expect(b.comparisonEmbeds()).toHaveCount(1);
  }
  await expect(o.comparisonEmbeds().getByRole("columnheader", { name: "AUKUS" })).toBeVisible();
  await expect(v.status()).toHaveText("Read-only");

  // Offline: the editor keeps typing while the owner edits too; back online, both merge.
  await e.waitUntilSaved();
  await editor.context.setOffline(true);
  await expect(e.status()).toHaveText("Offline");
  await e.typeUnder("Analysis", "Written offline by Eli.");
  await o.typeUnder("Options", "Olga meanwhile.");
  await expect(e.editor()).toContainText("Written offline by Eli.");
  await expect(o.editor()).toContainText("Olga meanwhile.");
  await expect(o.editor()).not.toContainText("Written offline by Eli.");
  await editor.context.setOffline(false);
  await expect(e.status()).toHaveText("Saved", { timeout: 20_000 });
  await expect(e.editor()).toContainText("Olga meanwhile.");
  await expect(o.editor()).toContainText("Written offline by Eli.");

  // Offline edits also survive closing the tab: they are kept in IndexedDB and merged when the
  // briefing is opened again online. Closing with unsaved changes asks first.
  await editor.context.setOffline(true);
  await expect(e.status()).toHaveText("Offline");
  await e.typeUnder("Recommendation", "Kept on the device.");
  const prompt = new Promise<string>((resolve) =>
    editor.page.once("dialog", (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }),
  );
  await editor.page.close({ runBeforeUnload: true });
  expect(await prompt).toBe("beforeunload");
  await expect(e.editor()).toContainText("Kept on the device.");
  await editor.page.waitForTimeout(300); // let IndexedDB finish its write before the tab goes
  await editor.page.close();
  await expect(o.editor()).not.toContainText("Kept on the device.");
  await editor.context.setOffline(false);
  const reopened = new BriefingPage(await editor.context.newPage());
  await reopened.goto(url);
  await expect(reopened.editor()).toContainText("Kept on the device.");
  await expect(o.editor()).toContainText("Kept on the device.");
  await expect(reopened.editor().getByRole("heading", { name: "Summary" })).toHaveCount(1);
  await o.waitUntilSaved();

  // Removing the viewer's access disconnects their open editor at once (no reload, no reconnect).
  await o.unshare(VIEWER.name);
  await expect(viewer.page.getByRole("alert").filter({ hasText: "You no longer have access" })).toBeVisible();

  for (const context of [owner.context, editor.context, viewer.context]) await context.close();
});
