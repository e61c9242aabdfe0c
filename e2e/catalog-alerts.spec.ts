import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { AuthFlow, makeCatalogEditor } from "./pages/auth";
import { BriefingsList } from "./pages/briefing-page";
import { NotificationBell } from "./pages/notifications";

/** Whether the server has derived the briefing's stored content with a card of `slug` (debounced). */
function storedContentCites(title: string, slug: string): boolean {
  const db = new Database(process.env.E2E_DATABASE ?? "", { readonly: true, timeout: 10_000 });
  try {
    const row = db.prepare('SELECT "contentJson" FROM "Briefing" WHERE "title" = ?').get(title) as
      | { contentJson: string | null }
      | undefined;
    return row?.contentJson?.includes(`"slug":"${slug}"`) ?? false;
  } finally {
    db.close();
  }
}

test("a catalog editor changes a value a briefing's card cites: the owner sees old and new value, is notified, and dismisses", async ({
  browser,
}, testInfo) => {
  test.setTimeout(360_000);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await new AuthFlow(owner).signUp("Olga Owner", "olga.owner@example.org");
  const list = new BriefingsList(owner);
  await list.goto();
  const briefing = await list.create("Weimar note");
  await briefing.insertFramework("Weimar", "Weimar Triangle");
  await expect(briefing.frameworkEmbeds()).toHaveCount(1);
  await briefing.waitUntilSaved();
  const briefingUrl = owner.url();
  await expect.poll(() => storedContentCites("Weimar note", "weimar-triangle"), { timeout: 30_000 }).toBe(true);

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await new AuthFlow(editor).signUp("Cato Editor", "cato.editor@example.org");
  makeCatalogEditor("cato.editor@example.org");
  await editor.goto("/frameworks/weimar-triangle/edit");
  const row = editor.getByTestId("edit-dimension-decision_rule");
  await row.getByRole("button", { name: "Edit Decision rule" }).click();
  await row.getByLabel("Decision rule").selectOption("unanimity");
  await row.getByRole("button", { name: "Save value" }).click();
  await expect(row.getByRole("button", { name: "Edit Decision rule" })).toBeVisible();

  // The notice on the briefing, with the old and the new value.
  await owner.goto(briefingUrl);
  const notice = owner.getByTestId("catalog-change-notice");
  await expect(notice.getByRole("heading", { name: "The catalog changed a value this briefing cites" })).toBeVisible();
  const alert = notice.getByTestId("catalog-change-alert");
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText("Weimar Triangle (framework card): Cato Editor changed Decision rule");
  await expect(alert.getByTestId("change-old")).toContainText("Consensus");
  await expect(alert.getByTestId("change-new")).toContainText("Unanimity");
  await expect(alert.getByRole("link", { name: "Review" })).toHaveAttribute(
    "href",
    "/frameworks/weimar-triangle#history-heading",
  );
  await owner.screenshot({ path: testInfo.outputPath("catalog-change-notice.png"), fullPage: true });

  // The owner's bell says so too, and leads to the notice.
  const bell = new NotificationBell(owner);
  await bell.expectUnread(1);
  await bell.open();
  await expect(bell.items().first()).toContainText("The catalog changed a value “Weimar note” cites");
  await expect(bell.items().first()).toContainText("Weimar Triangle · Decision rule: Consensus → Unanimity");
  await bell.items().first().getByRole("link").click();
  await owner.waitForURL(`${briefingUrl}#catalog-changes`);

  // The change feed lists it too.
  await editor.goto("/frameworks/changes");
  const entry = editor.getByTestId("catalog-change").first();
  await expect(entry).toContainText("Weimar Triangle: Cato Editor changed Decision rule");
  await expect(entry.getByTestId("change-new")).toContainText("Unanimity");

  // Dismissed by the owner, the notice is gone for good.
  await alert.getByRole("button", { name: "Dismiss the change to Decision rule of Weimar Triangle" }).click();
  await expect(notice).toBeHidden();
  await owner.reload();
  await expect(owner.getByTestId("catalog-change-notice")).toHaveCount(0);
  await ownerContext.close();
  await editorContext.close();
});
