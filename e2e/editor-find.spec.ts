import { expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingsList } from "./pages/briefing-page";

test("a blank briefing hints at the blocks; find and replace, word count and the shortcut sheet", async ({ page }) => {
  await new AuthFlow(page).signUp("Fiona Finder", "fiona.finder@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Find brief");
  await briefing.waitUntilSaved();
  const editor = briefing.editor();
  // A blank briefing says where the blocks are, as a placeholder (not text).
  const line = editor.locator("p").first();
  await expect
    .poll(() => line.evaluate((el) => getComputedStyle(el, "::before").content))
    .toContain("Type / to insert a framework card");
  await expect(editor).toHaveText("");
  await editor.click();
  await page.keyboard.type("NATO and nato. The NATOs of old; NATO again.");
  await expect(page.getByTestId("word-count")).toHaveText(/^9 words · 44 characters · 1 min read$/);

  // Ctrl+F opens the bar with the query field focused; matches are highlighted, not written.
  await page.keyboard.press("Control+f");
  const bar = page.getByRole("search", { name: "Find in briefing" });
  const query = bar.getByRole("searchbox", { name: "Find" });
  await expect(query).toBeFocused();
  await query.fill("nato");
  await expect(bar.getByRole("status")).toHaveText("1 of 4");
  await expect(editor.locator(".find-match")).toHaveCount(4);
  await bar.getByRole("checkbox", { name: "Whole word" }).check();
  await expect(bar.getByRole("status")).toHaveText("1 of 3");
  await bar.getByRole("checkbox", { name: "Match case" }).check();
  await expect(bar.getByRole("status")).toHaveText("1 of 1");
  await query.fill("NATO");
  await expect(bar.getByRole("status")).toHaveText("1 of 2");
  await query.press("Enter");
  await expect(bar.getByRole("status")).toHaveText("2 of 2");
  await query.press("Shift+Enter");
  await expect(bar.getByRole("status")).toHaveText("1 of 2");

  // Escape closes and clears the highlights; Ctrl+H opens with the replace row.
  await query.press("Escape");
  await expect(bar).toBeHidden();
  await expect(editor.locator(".find-match")).toHaveCount(0);
  await page.keyboard.press("Control+h");
  await expect(bar).toBeVisible();
  await query.fill("NATO");
  // Reopened, the bar starts afresh (any case, any part of a word).
  await expect(bar.getByRole("status")).toHaveText("1 of 4");
  await bar.getByRole("checkbox", { name: "Whole word" }).check();
  await bar.getByRole("checkbox", { name: "Match case" }).check();
  await bar.getByRole("textbox", { name: "Replace with" }).fill("the Alliance");
  await bar.getByRole("button", { name: "Replace all" }).click();
  await expect(bar.getByRole("status")).toHaveText("Replaced 2");
  await expect(editor).toHaveText("the Alliance and nato. The NATOs of old; the Alliance again.");

  // Replace all is one undo step.
  await query.press("Escape");
  await page.keyboard.press("Control+z");
  await expect(editor).toHaveText("NATO and nato. The NATOs of old; NATO again.");
  await briefing.waitUntilSaved();

  // The shortcut sheet: "?" outside the text, Ctrl+/ in it; Escape closes.
  await page.getByRole("heading", { level: 1, name: "Find brief" }).click();
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText("Find and replace")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await editor.click();
  await page.keyboard.press("Control+/");
  await expect(sheet).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(editor).toHaveText("NATO and nato. The NATOs of old; NATO again.");
});

test("a reopened briefing counts the words it holds without waiting for an edit", async ({ page }) => {
  // Seen by a user: "0 words · 0 characters" under two paragraphs until the next keystroke.
  await new AuthFlow(page).signUp("Walter Words", "walter.words@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Counted brief");
  await briefing.waitUntilSaved();
  await briefing.editor().click();
  await page.keyboard.type("Five words are typed here.");
  await briefing.waitUntilSaved();
  await page.reload();
  await briefing.waitUntilSaved();
  await expect(briefing.editor()).toHaveText("Five words are typed here.");
  await expect(page.getByTestId("word-count")).toHaveText(/^5 words · 26 characters · 1 min read$/);
});
