import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingsList } from "./pages/briefing-page";

const MOD = process.platform === "darwin" ? "Meta" : "Control";

/**
 * Waits until the browser's caret is at the end of the text ending with `text`, and for the frame
 * after: ProseMirror reads a caret that the browser moved itself (End) from `selectionchange`, which
 * Chromium may deliver after a key pressed at once (CI: Enter split the paragraph at the old caret).
 */
async function caretSettledAtEndOf(page: Page, text: string) {
  await expect
    .poll(() =>
      page.evaluate((ending) => {
        const selection = getSelection();
        const node = selection?.focusNode;
        return Boolean(node?.textContent?.endsWith(ending) && selection?.focusOffset === node.textContent.length);
      }, text),
    )
    .toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

async function slash(page: Page, filter: string) {
  await page.keyboard.press("/");
  const menu = page.getByRole("menu", { name: "Insert" });
  await page.keyboard.type(filter);
  await expect(menu.getByRole("menuitem").first()).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(menu).toBeHidden();
}

test("footnotes are typed in place and renumber; the table of contents follows new headings; callouts", async ({
  page,
}) => {
  await new AuthFlow(page).signUp("Fern Footnote", "fern.footnote@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Structured brief");
  await briefing.waitUntilSaved();
  const editor = briefing.editor();
  await editor.click();

  // A table of contents first, while there are no headings yet.
  await slash(page, "contents");
  const toc = editor.getByTestId("toc-block");
  await expect(toc).toContainText("Headings you add appear here.");

  await page.keyboard.press(`${MOD}+Alt+1`);
  await page.keyboard.type("Background");
  await expect(toc.getByRole("link")).toHaveText(["Background"]);
  await page.keyboard.press("Enter");
  await page.keyboard.type("Allies decide together");

  // A footnote at the caret: its editor opens with the caret in it.
  await page.keyboard.press(`${MOD}+Alt+f`);
  const noteEditor = page.getByTestId("footnote-editor");
  await expect(noteEditor).toBeFocused();
  await page.keyboard.type("See annex.");
  await page.keyboard.press("Escape");
  await expect(noteEditor).toBeHidden();
  await expect(editor).toBeFocused();
  await page.keyboard.type(" today.");
  const notes = editor.getByTestId("footnote");
  await expect(notes).toHaveCount(1);
  await expect(notes.first()).toHaveAttribute("data-n", "1");
  await expect(notes.first()).toHaveAttribute("aria-label", "Footnote 1: See annex.");
  await expect(editor.locator("p").filter({ hasText: "Allies decide together" })).toContainText(" today.");

  // A second note earlier in the sentence (from the slash menu's item) takes number 1.
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await briefing.openInsertMenu().then((menu) => menu.getByRole("menuitem", { name: /^Footnote/ }).click());
  await expect(noteEditor).toBeFocused();
  await page.keyboard.type("Allies means NATO.");
  await page.keyboard.press("Escape");
  await expect(noteEditor).toBeHidden();
  // The caret is back in the text (keys pressed before the text has focus again go nowhere).
  await expect(editor).toBeFocused();
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(0)).toHaveAttribute("aria-label", "Footnote 1: Allies means NATO.");
  await expect(notes.nth(1)).toHaveAttribute("aria-label", "Footnote 2: See annex.");

  await page.keyboard.press("End");
  await caretSettledAtEndOf(page, "today.");
  await page.keyboard.press("Enter");
  await page.keyboard.press(`${MOD}+Alt+2`);
  await page.keyboard.type("Options");
  // The table of contents updates itself, and its links jump to the headings.
  await expect(toc.getByRole("link")).toHaveText(["Background", "Options"]);
  await page.keyboard.press("Enter");

  await slash(page, "bottom");
  await page.keyboard.type("Fund the battlegroups.");
  const callout = editor.locator("aside.callout--bluf");
  await expect(callout).toHaveText("Fund the battlegroups.");
  await expect(callout).toHaveAttribute("aria-label", "Bottom line up front");

  await toc.getByRole("link", { name: "Background" }).click();
  await expect(page).toHaveURL(/#background$/);
  await briefing.waitUntilSaved();

  // The saved document carries the notes into the exports (GFM footnotes in Markdown).
  const id = new URL(page.url()).pathname.split("/").pop();
  const response = await page.request.get(`/api/briefings/${id}/export?format=md`);
  expect(response.ok()).toBe(true);
  const markdown = await response.text();
  expect(markdown).toContain("Allies[^note-1] decide together[^note-2] today.");
  expect(markdown).toMatch(/^\[\^note-1\]: Allies means NATO\.$/m);
  expect(markdown).toMatch(/^\[\^note-2\]: See annex\.$/m);
  expect(markdown).toContain("- [Background](#background)");
  expect(markdown).toContain("> **Bottom line up front**");
});

test("keys pressed right after Escape in a footnote go to the text after the note", async ({ page }) => {
  await new AuthFlow(page).signUp("Esme Escape", "esme.escape@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Escaped brief");
  await briefing.waitUntilSaved();
  const editor = briefing.editor();
  await editor.click();
  await page.keyboard.type("Allies decide");
  await page.keyboard.press(`${MOD}+Alt+f`);
  await expect(page.getByTestId("footnote-editor")).toBeFocused();
  // No wait between the keys: what follows Escape must not reach the note's editor.
  await page.keyboard.type("See annex.");
  await page.keyboard.press("Escape");
  await page.keyboard.type(" together.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Next");
  await expect(page.getByTestId("footnote-editor")).toBeHidden();
  const notes = editor.getByTestId("footnote");
  await expect(notes).toHaveCount(1);
  await expect(notes.first()).toHaveAttribute("aria-label", "Footnote 1: See annex.");
  const paragraphs = editor.locator(":scope > p");
  await expect(paragraphs.nth(0)).toContainText("Allies decide");
  await expect(paragraphs.nth(0)).toContainText(" together.");
  await expect(paragraphs.nth(1)).toHaveText("Next");
});

test("the editor with the outline, find bar, slash menu and an open footnote passes axe", async ({ page }) => {
  await new AuthFlow(page).signUp("Axel Axe", "axel.axe@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Checked brief", "Policy brief");
  await briefing.waitUntilSaved();
  const editor = briefing.editor();
  await briefing.typeAtEnd("A sentence with a note");
  await page.keyboard.press(`${MOD}+Alt+f`);
  await page.keyboard.type("The note.");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  await slash(page, "contents");
  await expect(editor.getByTestId("toc-block").getByRole("link").first()).toBeVisible();

  const check = async (state: string) => {
    const { violations } = await new AxeBuilder({ page })
      .include('[data-testid="briefing-editor"]')
      .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
      .analyze();
    const found = violations.map((v) => `${state}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(found).toEqual([]);
  };

  await expect(page.getByRole("navigation", { name: "Outline" })).toBeVisible();
  // The footnote's editor open.
  await editor.getByTestId("footnote").first().click();
  await expect(page.getByTestId("footnote-editor")).toBeVisible();
  await check("footnote");
  await page.keyboard.press("Escape");
  // The find bar.
  await editor.click();
  await page.keyboard.press(`${MOD}+h`);
  await expect(page.getByTestId("find-bar")).toBeVisible();
  await check("find bar");
  await page.keyboard.press("Escape");
  // The slash menu.
  await briefing.typeAtEnd("");
  await page.keyboard.press("/");
  await expect(page.getByRole("menu", { name: "Insert" })).toBeVisible();
  await check("slash menu");
});
