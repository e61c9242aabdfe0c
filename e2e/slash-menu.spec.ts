import { expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingsList } from "./pages/briefing-page";

test("the slash menu offers every block type and narrows as you type", async ({ page }) => {
  await new AuthFlow(page).signUp("Sal Slash", "sal.slash@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Slash brief");
  await briefing.waitUntilSaved();
  const editor = briefing.editor();
  await editor.click();

  await page.keyboard.press("/");
  const menu = page.getByRole("menu", { name: "Insert" });
  await expect(menu.getByRole("menuitem")).toHaveCount(17);
  await page.keyboard.type("head");
  await expect(menu.getByRole("menuitem")).toHaveText([/^Heading 1/, /^Heading 2/, /^Heading 3/, /^Heading 4/]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(menu).toBeHidden();
  await page.keyboard.type("Options");
  await expect(editor.getByRole("heading", { level: 2, name: "Options" })).toBeVisible();

  await page.keyboard.press("Enter");
  await page.keyboard.press("/");
  await page.keyboard.type("zzz");
  await expect(menu.getByText("Nothing matches “zzz”")).toBeVisible();
  await expect(menu.getByRole("menuitem")).toHaveCount(0);
  for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");
  await expect(menu.getByRole("menuitem")).toHaveCount(17);
  await page.keyboard.type("num");
  await expect(menu.getByRole("menuitem")).toHaveText([/^Numbered list/]);
  await page.keyboard.press("Enter");
  await page.keyboard.type("Deter");
  await expect(editor.locator("ol > li")).toHaveText("Deter");

  // Escape closes the menu and returns to the text; nothing was typed into the document.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.press("/");
  await page.keyboard.type("q");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(editor).not.toContainText("/");
  await page.keyboard.type("Done");
  await expect(editor.locator("ol + p")).toHaveText("Done");
  await briefing.waitUntilSaved();
});
