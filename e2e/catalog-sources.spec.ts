import { expect, test } from "@playwright/test";
import { AuthFlow, makeCatalogEditor } from "./pages/auth";

// Source policy, precision and status, and reverting from the history, in the real app. Other specs
// share the e2e database (accounts.spec.ts creates its first account), so Carol is made a catalog
// editor as an administrator would.
test("a refused source is explained, types and statuses are shown, and a change is reverted", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-up");
  await new AuthFlow(page).signUp("Carol Curator", "carol@example.org");
  makeCatalogEditor("carol@example.org");

  // Reading: each source shows its type; Armenia's CSTO membership is shown frozen, month-precise.
  await page.goto("/frameworks/csto");
  await expect(page.getByTestId("member-status-ARM")).toHaveText("Participation frozen since Feb 2024");
  await expect(page.getByTestId("dimension-member_count")).toContainText("Reputable press");
  await expect(page.getByTestId("dimension-decision_rule").getByTestId("value-flag")).toHaveText("Needs a source");

  // Editing: a Wikipedia mirror is refused on leaving the field and again by the server.
  await page.goto("/frameworks/fpda/edit");
  const row = page.getByTestId("edit-dimension-joint_exercises");
  await row.getByRole("button", { name: "Edit Joint exercises" }).click();
  await row.getByLabel("Note").fill("Bersama exercises every year.");
  await row.getByLabel("Source 1 title").fill("FPDA (mirror)");
  await row.getByLabel("Source 1 URL").fill("https://owiki.org/wiki/Five_Power_Defence_Arrangements");
  await row.getByLabel("Source 1 title").focus();
  await expect(row.getByRole("alert")).toContainText("is a Wikipedia mirror");
  await row.getByLabel("Source 1 type").selectOption("reference");
  await row.getByRole("button", { name: "Save value" }).click();
  await expect(row.getByRole("alert").last()).toContainText("owiki.org is never an acceptable source");

  await row.getByRole("button", { name: "Cancel" }).click();

  await row.getByRole("button", { name: "Edit Joint exercises" }).click();
  await row.getByLabel("Note").fill("Bersama exercises every year.");
  await row.getByLabel("Source 1 title").fill("FPDA exercise report");
  await row.getByLabel("Source 1 URL").fill("https://www.mindef.gov.sg/news-and-events/latest-releases/fpda-exercise");
  await row.getByRole("button", { name: "Save value" }).click();
  await expect(row.getByRole("button", { name: "Edit Joint exercises" })).toBeVisible();

  // History in words, and the change reverted.
  await page.goto("/frameworks/fpda");
  const history = page.getByRole("list", { name: "Change history" });
  await expect(history).toContainText("Carol Curator changed Joint exercises");
  await expect(history).toContainText("[Official government or organisation page]");
  await expect(page.getByTestId("dimension-joint_exercises")).toContainText("Bersama exercises every year.");
  // accounts.spec.ts edits the same value earlier on the shared e2e database: Carol reverts her own change.
  const items = history.getByTestId("history-item");
  const before = await items.count();
  page.once("dialog", (dialog) => dialog.accept());
  await items
    .filter({ hasText: "Carol Curator changed Joint exercises" })
    .getByRole("button", { name: "Revert this change to Joint exercises" })
    .click();
  await expect(items).toHaveCount(before + 1);
  await expect(history).toContainText("Carol Curator reverted Joint exercises");
  await expect(page.getByTestId("dimension-joint_exercises")).not.toContainText("Bersama exercises every year.");
});
