import fs from "node:fs";
import { type Download, expect, type Page, test } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { AuthFlow } from "./pages/auth";
import { BriefingPage, BriefingsList } from "./pages/briefing-page";

async function pdfText(download: Download): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(await download.path())) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}

async function exportPdf(page: Page, releaseTo?: string): Promise<Download> {
  await page.getByRole("button", { name: "Export ▾" }).click();
  if (releaseTo) await page.getByLabel("For release to").selectOption(releaseTo);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: /^PDF/ }).click(),
  ]);
  return download;
}

/** Opens the portion-mark picker on the block holding the caret (Ctrl+Alt+P). */
async function openPicker(page: Page) {
  await page.keyboard.press("Control+Alt+p");
  const dialog = page.getByRole("dialog", { name: "Portion mark" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("mark paragraphs, see the banner change live, export a marked PDF and a release copy", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthFlow(page).signUp("Mara Marker", "mara.marker@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  await list.create("Marked assessment");
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";

  // The briefing picks the US-style profile and fills its authority block.
  await page.goto(`/briefings/${id}/export`);
  await expect(page.getByTestId("accreditation-notice")).toContainText("does not make it a system accredited");
  await page.getByLabel("Marking profile").selectOption("us-cnsi");
  await page.getByLabel("Classified By").fill("M. Marker, Policy Office");
  await page.getByLabel(/^Derived From/).fill("Memo 12\nCable 7");
  await page.getByLabel("Declassify On").fill("20511205");
  await page.getByRole("button", { name: "Save profile and authority" }).click();
  await expect(page.getByText("Marking saved.")).toBeVisible();

  const briefing = new BriefingPage(page);
  await briefing.goto(`/briefings/${id}`);
  const editor = briefing.editor();
  await editor.click();
  await page.keyboard.type("Background that anyone may read.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Sensitive detail for us only.");
  // Unmarked portions are flagged under a profile that requires marks.
  await expect(page.getByTestId("marking-issues")).toContainText("2 unmarked portions");
  await expect(editor.locator(".portion--unmarked")).toHaveCount(2);

  // Keyboard: Ctrl+Alt+P, arrows to the level, Enter applies.
  // The toolbar names the mark of the block holding the caret: the click has moved the caret there.
  const caretMark = page.getByRole("button", { name: /^Portion mark:/ });
  await editor.getByText("Background that anyone may read.").click();
  await expect(caretMark).toHaveAccessibleName("Portion mark: (none)");
  let dialog = await openPicker(page);
  await expect(dialog.getByRole("radio", { name: "(U) UNCLASSIFIED" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("marking-banner-top")).toHaveText("UNCLASSIFIED");
  await expect(page.getByTestId("marking-issues")).toContainText("1 unmarked portion");

  await editor.getByText("Sensitive detail for us only.").click();
  await expect(caretMark).toHaveAccessibleName("Portion mark: (none)");
  dialog = await openPicker(page);
  await dialog.getByRole("radio", { name: "(S) SECRET" }).check();
  await dialog.getByRole("checkbox", { name: /NOFORN/ }).check();
  await expect(dialog.getByTestId("portion-preview")).toHaveText("(S//NF)");
  await dialog.getByRole("button", { name: "Apply" }).click();
  // The banner follows the marks live, top and bottom.
  await expect(page.getByTestId("marking-banner-top")).toHaveText("SECRET//NOFORN");
  await expect(page.getByTestId("marking-banner-bottom")).toHaveText("SECRET//NOFORN");
  await expect(page.getByTestId("marking-issues")).toBeHidden();
  await expect(editor.locator('p[data-portion-label="(S//NF)"]')).toHaveText("Sensitive detail for us only.");

  // A new paragraph inherits the previous block's mark (the prefix is not text).
  await editor.getByText("Sensitive detail for us only.").click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("More of the same.");
  await expect(editor.locator('p[data-portion-label="(S//NF)"]')).toHaveCount(2);
  await expect(page.getByTestId("marking-issues")).toBeHidden();
  await expect(briefing.status()).toHaveText(/Saved/, { timeout: 15_000 });

  // The PDF carries the computed banner (top and bottom of every page), the portion marks and the authority block.
  const text = await pdfText(await exportPdf(page));
  expect(text.match(/SECRET\/\/NOFORN/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  expect(text).toContain("(S//NF) Sensitive detail for us only.");
  expect(text).toContain("(U) Background that anyone may read.");
  expect(text).toContain("Classified By: M. Marker, Policy Office");
  expect(text).toContain("Derived From: Multiple Sources");

  // A release copy for the United Kingdom: the NOFORN portions are withheld, the banner recomputed.
  const release = await pdfText(await exportPdf(page, "GBR"));
  expect(release).toContain("2 portions were withheld");
  expect(release).not.toContain("Sensitive detail");
  expect(release).not.toContain("NOFORN");
  expect(release).toContain("UNCLASSIFIED");
  expect(release).toContain("Background that anyone may read.");
  await context.close();
});
