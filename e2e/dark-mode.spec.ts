import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingPage, BriefingsList } from "./pages/briefing-page";

// Dark mode follows the system setting: the pages that used hard-coded light colours (inbox, version
// diff, suggestion marks, share page, home) are on dark surfaces and pass axe's contrast check.
const OWNER = { name: "Dana Dark", email: "dana.dark@example.org" };
const EDITOR = { name: "Nico Night", email: "nico.night@example.org" };

async function darkUser(browser: Browser, user?: { name: string; email: string }) {
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  if (user) await new AuthFlow(page).signUp(user.name, user.email);
  return { context, page, briefing: new BriefingPage(page) };
}

/** Mean of a computed background's red, green and blue (0 black - 255 white). */
function brightness(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const [r, g, b] = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
      return ((r ?? 0) + (g ?? 0) + (b ?? 0)) / 3;
    });
}

async function expectReadable(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}-dark.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  // Soft: one run reports every page's contrast failures, not only the first page's.
  expect
    .soft(
      violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`)),
      `${name}: color contrast`,
    )
    .toEqual([]);
}

test("dark system setting: inbox, version diff, suggestions, share page and home are dark and readable", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const owner = await darkUser(browser, OWNER);
  const editor = await darkUser(browser, EDITOR);
  const visitor = await darkUser(browser);
  try {
    const list = new BriefingsList(owner.page);
    await list.goto();
    await list.create("Night review", "Blank");
    await owner.briefing.typeAtEnd("The original sentence. Old words.");
    await expect(owner.briefing.editor()).toContainText("Old words.");
    await owner.briefing.waitUntilSaved();

    // A named version, then a deletion and an insertion after it: the diff shows both.
    const history = owner.page.getByTestId("history-panel");
    await owner.page.getByRole("button", { name: "History", exact: true }).click();
    await history.getByLabel("Name the current version").fill("First draft");
    await history.getByRole("button", { name: "Save" }).click();
    await expect(history.getByTestId("version-item").filter({ hasText: "First draft" })).toHaveAttribute(
      "aria-current",
      "true",
    );
    await history.getByRole("button", { name: "Share this version" }).click();
    await history.getByRole("button", { name: "Create link to this version" }).click();
    const shareUrl = await history.getByTestId("new-version-link").inputValue();
    await owner.page.keyboard.press("Escape");
    await expect(history).toBeHidden();
    await owner.briefing.typeAfter("Old words.", "");
    for (let i = 0; i < " Old words.".length; i++) await owner.page.keyboard.press("Backspace");
    await owner.page.keyboard.type(" An added clause.");
    await owner.briefing.waitUntilSaved();
    await owner.page.getByRole("button", { name: "History", exact: true }).click();
    await history.getByTestId("version-item").filter({ hasText: "First draft" }).click();
    await history.getByLabel("Show").selectOption("current");
    const diff = history.getByTestId("diff-view");
    await expect(diff.locator(".diff-ins").first()).toContainText("added clause");
    await expect(diff.locator(".diff-del").first()).toContainText("Old words");
    expect.soft(await brightness(owner.page, ".diff-view__toolbar")).toBeLessThan(80);
    expect.soft(await brightness(owner.page, ".diff-ins")).toBeLessThan(80);
    expect.soft(await brightness(owner.page, ".diff-del")).toBeLessThan(80);
    await expectReadable(owner.page, "history-diff");
    await owner.page.keyboard.press("Escape");

    // The editor gets a notification of the share, and suggests.
    await owner.briefing.share(EDITOR.email, "Editor");
    const url = owner.page.url();
    await editor.page.goto("/notifications");
    await expect(editor.page.getByTestId("notification").first()).toBeVisible();
    expect.soft(await brightness(editor.page, '.notification[data-unread="true"]')).toBeLessThan(80);
    await expectReadable(editor.page, "notifications");

    await editor.briefing.goto(url);
    const modes = editor.page.getByTestId("mode-switch");
    await modes.getByRole("button", { name: "Suggesting" }).click();
    await editor.briefing.typeAfter("An added clause.", " Suggested words.");
    await editor.briefing.waitUntilSaved();
    await expect(owner.briefing.editor().locator("ins.suggestion")).toContainText("Suggested words.");
    await expect(owner.page.getByTestId("suggestion-card")).toHaveCount(1);
    expect.soft(await brightness(owner.page, ".suggestion-card")).toBeLessThan(80);
    await expectReadable(owner.page, "suggestions");

    // Someone without an account: the shared version, then the home page.
    await visitor.page.goto(new URL(new URL(shareUrl).pathname, url).toString());
    await expect(visitor.page.getByTestId("shared-body")).toContainText("Old words.");
    expect.soft(await brightness(visitor.page, ".shared-briefing")).toBeLessThan(80);
    await expectReadable(visitor.page, "share");
    await visitor.page.goto("/");
    await expect(visitor.page.getByRole("heading", { level: 1 })).toBeVisible();
    expect.soft(await brightness(visitor.page, "body")).toBeLessThan(60);
    await expectReadable(visitor.page, "home");
  } finally {
    await Promise.all([owner.context.close(), editor.context.close(), visitor.context.close()]);
  }
});
