import { expect, test } from "@playwright/test";
import { redlinedWordFile } from "../lib/test/word-file";
import { AuthFlow } from "./pages/auth";
import { BriefingPage, BriefingsList } from "./pages/briefing-page";

test("a Word file's tracked changes arrive as suggestions under their Word author", async ({ page }) => {
  await new AuthFlow(page).signUp("Rita Redline", "rita.redline@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const form = page.getByRole("form", { name: "New briefing" });
  await form.getByRole("radio", { name: /^Import a file/ }).check();
  await expect(form.getByLabel("Tracked changes in a Word file")).toHaveValue("suggest");
  await form.getByLabel("File to import").setInputFiles({
    name: "Budget.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from(await redlinedWordFile()),
  });
  await form.getByRole("button", { name: "Import briefing" }).click();
  await expect(form.getByRole("status")).toContainText("became 1 suggestion by Ann Analyst");
  await form.getByRole("link", { name: "Open the briefing" }).click();
  const briefing = new BriefingPage(page);
  await briefing.waitUntilSaved();
  await expect(briefing.editor().locator("ins.suggestion")).toHaveText("12");
  await expect(briefing.editor().locator("del.suggestion")).toHaveText("10");
  const card = page.getByTestId("suggestion-card");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Ann Analyst (from Word)");
});

test("Propose these changes: the diff between two versions becomes the user's suggestions", async ({ page }) => {
  test.setTimeout(120_000);
  await new AuthFlow(page).signUp("Paula Propose", "paula.propose@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Proposal brief", "Blank");
  await briefing.typeAtEnd("The original sentence.");
  await briefing.waitUntilSaved();
  const history = page.getByTestId("history-panel");
  const nameVersion = async (name: string) => {
    await page.getByRole("button", { name: "History", exact: true }).click();
    await history.getByLabel("Name the current version").fill(name);
    await history.getByRole("button", { name: "Save" }).click();
    await expect(history.getByTestId("version-item").filter({ hasText: name })).toHaveAttribute("aria-current", "true");
  };
  await nameVersion("Draft");
  await page.keyboard.press("Escape");
  await briefing.typeAtEnd(" An added clause.");
  await briefing.waitUntilSaved();
  await nameVersion("Revised");

  // Back to the draft, then the revision proposed instead of applied.
  await history.getByTestId("version-item").filter({ hasText: "Draft" }).click();
  await history.getByRole("button", { name: "Restore this version" }).click();
  await page.getByRole("alertdialog", { name: "Confirm restore" }).getByRole("button", { name: "Restore" }).click();
  await expect(history.getByTestId("history-notice")).toContainText("Restored “Draft”");
  await history.getByTestId("version-item").filter({ hasText: "“Draft”" }).last().click();
  await history.getByLabel("Show").selectOption({ label: "changes to “Revised”" });
  await expect(history.getByTestId("diff-view").locator("ins")).toContainText("An added clause.");
  await history.getByRole("button", { name: "Propose these changes" }).click();
  await expect(history.getByTestId("history-notice")).toContainText("1 change is now your suggestions");
  await page.keyboard.press("Escape");
  await expect(briefing.editor().locator("ins.suggestion", { hasText: "An added clause." })).toBeVisible();
  await expect(page.getByTestId("suggestion-card").first()).toContainText("Paula Propose");
});
