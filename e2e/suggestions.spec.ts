import { type Browser, expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { AuthFlow } from "./pages/auth";
import { BriefingPage, BriefingsList } from "./pages/briefing-page";

// Suggestion mode: an editor suggests, the owner accepts one suggestion and rejects another, live.
test.describe.configure({ mode: "serial" });

const OWNER = { name: "Olga Owner", email: "olga.suggest@example.org" };
const EDITOR = { name: "Emil Editor", email: "emil.suggest@example.org" };
const SENTENCE = "The budget is ten million.";

async function signedUp(browser: Browser, user: { name: string; email: string }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await new AuthFlow(page).signUp(user.name, user.email);
  return { context, page, briefing: new BriefingPage(page) };
}

test("an editor suggests; the owner accepts one and rejects another, live for both; DOCX has tracked changes", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const owner = await signedUp(browser, OWNER);
  const editor = await signedUp(browser, EDITOR);

  const list = new BriefingsList(owner.page);
  await list.goto();
  await list.create("Budget review");
  await owner.briefing.waitUntilSaved();
  await owner.briefing.editor().click();
  await owner.page.keyboard.type(SENTENCE);
  await owner.briefing.waitUntilSaved();
  await owner.briefing.share(EDITOR.email, "Editor");
  const url = owner.page.url();

  await editor.briefing.goto(url);
  const modes = editor.page.getByTestId("mode-switch");
  await modes.getByRole("button", { name: "Suggesting" }).click();
  await expect(modes.getByRole("button", { name: "Suggesting" })).toHaveAttribute("aria-pressed", "true");
  // Two separate suggestions: text added at the end, and a word added at the start.
  await editor.briefing.typeAfter(SENTENCE, " Approved.");
  await editor.page.keyboard.press("Home");
  await editor.page.keyboard.type("Draft: ");
  await editor.briefing.waitUntilSaved();

  // Nothing is applied: the text is marked, the owner sees it live with two cards.
  for (const who of [owner, editor]) {
    await expect.poll(() => who.briefing.text()).toBe(`Draft: ${SENTENCE} Approved.`);
    await expect(who.briefing.editor().locator("ins.suggestion")).toHaveCount(2);
    await expect(who.page.getByTestId("suggestion-card")).toHaveCount(2);
  }
  const cards = owner.page.getByTestId("suggestion-card");
  await expect(cards.first()).toContainText(EDITOR.name);

  // The Word file with "show suggestions" has them as tracked changes by the editor.
  const briefingId = new URL(url).pathname.split("/").pop() ?? "";
  const response = await owner.page.request.get(`/api/briefings/${briefingId}/export?format=docx&suggestions=shown`);
  expect(response.ok()).toBe(true);
  const xml = strFromU8(unzipSync(new Uint8Array(await response.body()))["word/document.xml"] as Uint8Array);
  const inserted = [...xml.matchAll(/<w:ins\b[^>]*w:author="([^"]*)"/g)].map((m) => m[1]);
  expect(inserted).toEqual([EDITOR.name, EDITOR.name]);

  // The owner accepts "Draft: " and rejects " Approved.".
  await owner.page
    .getByTestId("suggestion-card")
    .filter({ hasText: "Draft:" })
    .getByRole("button", { name: /^Accept suggestion/ })
    .click();
  await owner.page
    .getByTestId("suggestion-card")
    .filter({ hasText: "Approved." })
    .getByRole("button", { name: /^Reject suggestion/ })
    .click();
  await owner.briefing.waitUntilSaved();
  for (const who of [owner, editor]) {
    await expect.poll(() => who.briefing.text()).toBe(`Draft: ${SENTENCE}`);
    await expect(who.briefing.editor().locator("ins.suggestion, del.suggestion")).toHaveCount(0);
    await expect(who.page.getByTestId("suggestion-card")).toHaveCount(0);
  }

  // After a reload the reviewed text is what was stored.
  await editor.briefing.goto(url);
  await expect(editor.briefing.editor()).toHaveText(`Draft: ${SENTENCE}`);
  await owner.context.close();
  await editor.context.close();
});
