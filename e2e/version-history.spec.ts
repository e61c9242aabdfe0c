import { expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingsList } from "./pages/briefing-page";

test("name a version, edit, see the change in the diff, restore it, and it stays restored after a reload", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await new AuthFlow(page).signUp("Vera Version", "vera.version@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Versioned brief", "Blank");
  await briefing.typeAtEnd("The original sentence.");
  // The typed text is in the editor (so its change is under way) before "Saved" is trusted.
  await expect(briefing.editor()).toContainText("The original sentence.");
  await briefing.waitUntilSaved();

  // Name the current version.
  await page.getByRole("button", { name: "History", exact: true }).click();
  const history = page.getByTestId("history-panel");
  await history.getByLabel("Name the current version").fill("Sent to Director");
  await history.getByRole("button", { name: "Save" }).click();
  const named = history.getByTestId("version-item").filter({ hasText: "Sent to Director" });
  await expect(named).toHaveAttribute("aria-current", "true");
  await expect(history.getByTestId("version-preview")).toContainText("The original sentence.");
  await page.keyboard.press("Escape");
  await expect(history).toBeHidden();

  // Edit after it.
  await briefing.typeAtEnd(" An added clause.");
  await briefing.waitUntilSaved();

  // The diff from the named version to now shows the addition highlighted.
  await page.getByRole("button", { name: "History", exact: true }).click();
  await history.getByTestId("version-item").filter({ hasText: "Sent to Director" }).click();
  await history.getByLabel("Show").selectOption("current");
  const diff = history.getByTestId("diff-view");
  await expect(diff.locator("ins")).toContainText("An added clause.");
  // Who changed it: the range's authors (recorded per version, shared by every server instance).
  await expect(history.getByTestId("diff-authors")).toContainText("Vera Version");

  // Restore (with confirmation): the editor follows, and the restore is in the history.
  await history.getByRole("button", { name: "Restore this version" }).click();
  await page.getByRole("alertdialog", { name: "Confirm restore" }).getByRole("button", { name: "Restore" }).click();
  await expect(history.getByTestId("history-notice")).toContainText("Restored “Sent to Director”");
  await expect(history.getByTestId("diff-stats")).toContainText("No differences");
  await expect(history.getByTestId("version-item").first()).toContainText("Restored “Sent to Director”");
  await page.keyboard.press("Escape");
  await expect(briefing.editor()).not.toContainText("An added clause.");
  await expect(briefing.editor()).toContainText("The original sentence.");

  await page.reload();
  await briefing.waitUntilSaved();
  await expect(briefing.editor()).toContainText("The original sentence.");
  await expect(briefing.editor()).not.toContainText("An added clause.");
});

test("share a named version by link: after later edits the link still shows that version, as of its name", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await new AuthFlow(page).signUp("Sasha Share", "sasha.share@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Frozen brief", "Blank");
  await briefing.typeAtEnd("The text the Director read.");
  await expect(briefing.editor()).toContainText("The text the Director read.");
  await briefing.waitUntilSaved();

  await page.getByRole("button", { name: "History", exact: true }).click();
  const history = page.getByTestId("history-panel");
  await history.getByLabel("Name the current version").fill("Sent to Director");
  await history.getByRole("button", { name: "Save" }).click();
  await expect(history.getByTestId("version-item").filter({ hasText: "Sent to Director" })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await history.getByRole("button", { name: "Share this version" }).click();
  await history.getByRole("button", { name: "Create link to this version" }).click();
  const url = await history.getByTestId("new-version-link").inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
  await page.keyboard.press("Escape");
  await expect(history).toBeHidden();

  // The live document moves on.
  await briefing.typeAtEnd(" A later edit.");
  await briefing.waitUntilSaved();

  // Someone without an account opens the link.
  const guest = await browser.newContext();
  try {
    const reader = await guest.newPage();
    // The link's path on this test server (the URL's host is APP_URL's).
    await reader.goto(new URL(new URL(url).pathname, page.url()).toString());
    await expect(reader.getByTestId("share-as-of")).toContainText("As of “Sent to Director”");
    const body = reader.getByTestId("shared-body");
    await expect(body).toContainText("The text the Director read.");
    await expect(body).not.toContainText("A later edit.");
  } finally {
    await guest.close();
  }
});
