import fs from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingsList } from "./pages/briefing-page";

const SUMMARY_GUIDANCE = "State the issue and your recommendation in two or three sentences.";
const BACKGROUND_GUIDANCE = "What happened, who is involved, and why it matters now.";

/** What the block shows greyed when empty: the placeholder drawn before it, not text in it. */
const shownGuidance = (block: Locator) =>
  block.evaluate((el) => getComputedStyle(el, "::before").content.replace(/^"|"$/g, ""));

async function exportMarkdown(page: Page, briefingId: string): Promise<string> {
  await page.goto(`/briefings/${briefingId}/export`);
  await page.getByRole("button", { name: "Export ▾" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: /^Markdown/ }).click(),
  ]);
  return fs.readFileSync(await download.path(), "utf8");
}

test("template guidance is a placeholder: shown in empty blocks, replaced by typing, never stored", async ({
  page,
}) => {
  await new AuthFlow(page).signUp("Gus Guidance", "gus.guidance@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Guided brief", "Policy brief");
  await briefing.waitUntilSaved();
  const editor = briefing.editor();
  const summary = editor.locator("h2:has-text('Summary') + p");
  const background = editor.locator("h2:has-text('Background') + p");

  // The guidance is visible, but the blocks are empty: there is no text to select or type around.
  await expect(summary).toHaveText("");
  await expect.poll(() => shownGuidance(summary)).toBe(SUMMARY_GUIDANCE);
  await expect.poll(() => shownGuidance(background)).toBe(BACKGROUND_GUIDANCE);
  await expect(editor).not.toContainText(SUMMARY_GUIDANCE);

  // Typing replaces it: the block holds only what was typed, in plain (not italic) type.
  await summary.click();
  await page.keyboard.type("Join the initiative now.");
  await expect(summary).toHaveText("Join the initiative now.");
  await expect(summary.locator("em")).toHaveCount(0);
  await expect.poll(() => shownGuidance(summary)).toBe("none");
  await expect.poll(() => shownGuidance(background)).toBe(BACKGROUND_GUIDANCE);

  // Emptied again, the block shows its guidance again.
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("Backspace");
  await expect(summary).toHaveText("");
  await expect.poll(() => shownGuidance(summary)).toBe(SUMMARY_GUIDANCE);
  await page.keyboard.type("Join the initiative now.");
  await briefing.waitUntilSaved();

  // The stored document, as exported, has the typed text and none of the guidance.
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const markdown = await exportMarkdown(page, id);
  expect(markdown).toContain("## Summary");
  expect(markdown).toContain("Join the initiative now.");
  expect(markdown).not.toContain(SUMMARY_GUIDANCE);
  expect(markdown).not.toContain(BACKGROUND_GUIDANCE);
});
