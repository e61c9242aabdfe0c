import { type Browser, expect, type Page, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingPage, BriefingsList } from "./pages/briefing-page";
import { BriefingWriter } from "./pages/briefing-writer";

// Undo in a shared document undoes the user's own last change as a unit, whatever others type.
test.describe.configure({ mode: "serial" });

const A = { name: "Ada Undo", email: "ada.undo@example.org" };
const B = { name: "Ben Busy", email: "ben.busy@example.org" };
const PHRASE = " Ada's phrase, typed while Ben keeps writing.";
const BEN = " Ben keeps typing in his own paragraph, one key after another, while Ada writes hers.";

async function signedUp(browser: Browser, user: { name: string; email: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthFlow(page).signUp(user.name, user.email);
  return { context, page, briefing: new BriefingPage(page) };
}

const paragraph = (page: Page, start: string) =>
  new BriefingPage(page).editor().locator(":scope > p").filter({ hasText: start });

/**
 * Types `text` one character at a time from inside the page, as fast as the page takes it: a phrase
 * typed without pausing is one undo step (Yjs groups changes less than 500 ms apart), and driving
 * each key from the test process could leave longer gaps on a busy machine.
 */
async function typeInPage(page: Page, text: string) {
  await page.evaluate(async (chars) => {
    for (const char of chars) {
      document.execCommand("insertText", false, char);
      // Let the collaborator's updates in between the keys, as they would be while typing.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }, text);
}

/** Puts the caret at the end of a paragraph, clicking again if the page moved under the click. */
async function caretAtEndOf(page: Page, start: string) {
  await expect(async () => {
    await paragraph(page, start).click();
    await page.keyboard.press("End");
    const at = await page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest("p")?.textContent);
    expect(at).toContain(start);
  }).toPass();
}

/** A paragraph's text without the collaborators' carets drawn inside it (their name labels). */
const textOf = (page: Page, start: string) =>
  expect.poll(() =>
    paragraph(page, start).evaluate((p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll(".collab-caret")) caret.remove();
      return copy.textContent;
    }),
  );

test("undo removes my whole phrase while a colleague types, and redo only redoes", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const a = await signedUp(browser, A);
  // A fake clock in Ada's pages (installed before they load, so Yjs reads it); it runs until fixed below.
  await a.context.clock.install();
  const b = await signedUp(browser, B);
  await new BriefingsList(a.page).goto();
  await new BriefingsList(a.page).create("Undo under load");
  await a.briefing.waitUntilSaved();
  await a.briefing.share(B.email, "Editor");

  // The two paragraphs are written from outside both browsers: neither undo history holds them.
  const id = new URL(a.page.url()).pathname.split("/").pop()!;
  const writer = await BriefingWriter.open(a.context, baseURL!, id);
  await writer.append("paragraph", "Ada's line.");
  await writer.append("paragraph", "Ben's line.");
  writer.close();
  await b.briefing.goto(a.page.url());
  await expect(paragraph(a.page, "Ben's line.")).toHaveCount(1);

  // Ben starts typing; once Ada sees his first keys, she types her phrase while he goes on.
  await caretAtEndOf(b.page, "Ben's line.");
  const benTyping = b.page.keyboard.type(BEN);
  await expect(paragraph(a.page, "Ben's line.")).toContainText("Ben's line. Ben");
  await caretAtEndOf(a.page, "Ada's line.");
  // Ada's clock stands still while she types: her phrase is typed "without a pause" however busy
  // the machine is, so only a real fault can cut it into several undo steps.
  await a.context.clock.setFixedTime(new Date());
  await typeInPage(a.page, PHRASE);
  await benTyping;
  const benDone = `Ben's line.${BEN}`;
  await textOf(a.page, "Ben's line.").toBe(benDone);
  await textOf(a.page, "Ada's line.").toBe(`Ada's line.${PHRASE}`);

  // Nothing to redo yet: Ctrl+Shift+Z and Ctrl+Y change nothing.
  await a.page.keyboard.press("Control+Shift+Z");
  await a.page.keyboard.press("Control+Y");
  await textOf(a.page, "Ada's line.").toBe(`Ada's line.${PHRASE}`);

  // One Ctrl+Z takes the whole phrase away, in both browsers; Ben's text stays.
  await a.page.keyboard.press("Control+Z");
  for (const page of [a.page, b.page]) {
    await textOf(page, "Ada's line.").toBe("Ada's line.");
    await textOf(page, "Ben's line.").toBe(benDone);
  }

  // Ctrl+Shift+Z after the undo brings it back; a second one has nothing left to redo.
  await a.page.keyboard.press("Control+Shift+Z");
  await textOf(a.page, "Ada's line.").toBe(`Ada's line.${PHRASE}`);
  await a.page.keyboard.press("Control+Shift+Z");
  await textOf(a.page, "Ada's line.").toBe(`Ada's line.${PHRASE}`);
  await textOf(b.page, "Ada's line.").toBe(`Ada's line.${PHRASE}`);
  await textOf(b.page, "Ben's line.").toBe(benDone);
  await a.context.close();
  await b.context.close();
});
