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

/** A datetime-local value `days` ahead, in the browser's (and this process's) local time. */
function localInDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T17:00`;
}

const section = (page: Page) => page.locator("#clearance");

test("mark paragraphs with the banner live in a second context, clear with two users (one non-concurs), finalize with override, read banner and clearance page back from the PDF", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [lead, alma, boris] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page, Page];
  await new AuthFlow(alma).signUp("Alma Clearer", "alma.clearer@example.org");
  await new AuthFlow(boris).signUp("Boris Clearer", "boris.clearer@example.org");
  await new AuthFlow(lead).signUp("Lena Lead", "lena.lead@example.org");
  const list = new BriefingsList(lead);
  await list.goto();
  const owner = await list.create("Cleared assessment");
  const url = lead.url();
  const id = new URL(url).pathname.split("/").pop() ?? "";
  // The default profile and no clearance: no state badge beside the role.
  await expect(lead.locator(".briefing-page__header").getByTestId("clearance-state")).toHaveCount(0);
  await owner.share("alma.clearer@example.org", "Commenter");
  await owner.share("boris.clearer@example.org", "Commenter");

  await lead.goto(`/briefings/${id}/export`);
  await lead.getByLabel("Marking profile").selectOption("us-cnsi");
  await lead.getByRole("button", { name: "Save profile and authority" }).click();
  await expect(lead.getByText("Marking saved.")).toBeVisible();
  await owner.goto(url);
  await expect(lead.locator(".briefing-page__header").getByTestId("clearance-state")).toHaveText("Draft");

  const editor = owner.editor();
  await editor.click();
  await lead.keyboard.type("Open assessment.");
  await lead.keyboard.press("Enter");
  await lead.keyboard.type("Closely held detail.");
  await owner.waitUntilSaved();

  // Alma watches in her own browser while the lead marks: her banner follows live.
  const almaPage = new BriefingPage(alma);
  await almaPage.goto(url);
  await expect(almaPage.editor()).toContainText("Closely held detail.");
  // The toolbar names the mark of the block holding the caret: the click has moved the caret there.
  const caretMark = lead.getByRole("button", { name: /^Portion mark:/ });
  await editor.getByText("Open assessment.").click();
  await expect(caretMark).toHaveAccessibleName("Portion mark: (none)");
  await lead.keyboard.press("Control+Alt+p");
  const picker = lead.getByRole("dialog", { name: "Portion mark" });
  await expect(picker.getByRole("radio", { name: "(U) UNCLASSIFIED" })).toBeFocused();
  await lead.keyboard.press("Enter");
  await expect(alma.getByTestId("marking-banner-top")).toHaveText("UNCLASSIFIED");
  await editor.getByText("Closely held detail.").click();
  await expect(caretMark).toHaveAccessibleName("Portion mark: (none)");
  await lead.keyboard.press("Control+Alt+p");
  await picker.getByRole("radio", { name: "(S) SECRET" }).check();
  await picker.getByRole("checkbox", { name: /NOFORN/ }).check();
  await picker.getByRole("button", { name: "Apply" }).click();
  await expect(lead.getByTestId("marking-banner-top")).toHaveText("SECRET//NOFORN");
  await expect(alma.getByTestId("marking-banner-top")).toHaveText("SECRET//NOFORN");
  await owner.waitUntilSaved();

  // The lead requests clearance of the current text, named now, from both, in parallel.
  await section(lead).locator("summary", { hasText: "Request clearance" }).click();
  const request = lead.getByRole("form", { name: "Request clearance" });
  await request.getByLabel("Name of the new version").fill("For the Director");
  await request.getByLabel(/^Clearers/).fill("alma.clearer@example.org\nnobody@example.org");
  await request.getByLabel(/In parallel/).check();
  await request.getByLabel("Due").fill(localInDays(3));
  await request.getByRole("button", { name: "Request clearance" }).click();
  // A clear error, and nothing typed is lost.
  await expect(request.getByRole("alert")).toHaveText("No account uses nobody@example.org.");
  await request.getByLabel(/^Clearers/).fill("alma.clearer@example.org\nboris.clearer@example.org");
  await request.getByRole("button", { name: "Request clearance" }).click();
  await expect(section(lead).getByTestId("clearance-state")).toHaveText("In clearance");
  await expect(section(lead)).toContainText("Version For the Director, parallel");

  // Alma concurs with comments; Boris does not concur.
  await alma.reload();
  const almaAnswer = alma.getByRole("form", { name: "Answer clearance" });
  await almaAnswer.getByRole("radio", { name: "Concur with comments" }).check();
  await almaAnswer.getByLabel("Comments", { exact: true }).fill("Cite the 2024 summit.");
  await almaAnswer.getByRole("button", { name: "Send answer" }).click();
  await expect(section(alma).getByTestId("clearance-step").first()).toContainText("Alma Clearer: Concur with comments");
  await expect(almaAnswer).toHaveCount(0);

  await new BriefingPage(boris).goto(url);
  const borisAnswer = boris.getByRole("form", { name: "Answer clearance" });
  await borisAnswer.getByRole("radio", { name: "Non-concur" }).check();
  await borisAnswer.getByLabel("Why you do not concur").fill("Too optimistic on timelines.");
  await borisAnswer.getByRole("button", { name: "Send answer" }).click();
  await expect(section(boris).getByTestId("clearance-step").nth(1)).toContainText("Boris Clearer: Non-concur");

  // The lead finalizes over the non-concurrence, with the dissent recorded and shown.
  await lead.reload();
  const finalize = lead.getByRole("form", { name: "Finalize clearance" });
  await finalize.getByLabel(/recorded as the dissent/).fill("Timelines reviewed with the desk; the text stands.");
  await finalize.getByRole("button", { name: "Finalize over dissent" }).click();
  await expect(section(lead).getByTestId("clearance-state")).toHaveText("Cleared");
  await expect(section(lead).getByTestId("clearance-dissent")).toContainText("the text stands.");

  // The PDF: the computed banner and the Clearance page, read back with text extraction.
  await lead.getByRole("button", { name: "Export ▾" }).click();
  const [download] = await Promise.all([
    lead.waitForEvent("download"),
    lead.getByRole("menuitem", { name: /^PDF/ }).click(),
  ]);
  const text = await pdfText(download);
  expect(text.match(/SECRET\/\/NOFORN/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  expect(text).toContain("(S//NF) Closely held detail.");
  expect(text).toContain("Clearance");
  expect(text).toContain("State: Cleared");
  expect(text).toContain("Alma Clearer: Concur with comments");
  expect(text).toContain("Cite the 2024 summit.");
  expect(text).toContain("Boris Clearer: Non-concur");
  expect(text).toContain("Too optimistic on timelines.");
  expect(text).toContain("Finalized over dissent by Lena Lead");
  expect(text).toContain("the text stands.");
  for (const context of contexts) await context.close();
});
