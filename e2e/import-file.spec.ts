import { expect, test } from "@playwright/test";
import { wordFile } from "../lib/test/word-file";
import { AuthFlow } from "./pages/auth";
import { BriefingPage, BriefingsList } from "./pages/briefing-page";

test("creates briefings from a Word and a Markdown file; a bad file creates nothing and says why", async ({ page }) => {
  await new AuthFlow(page).signUp("Iris Import", "iris.import@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const form = page.getByRole("form", { name: "New briefing" });
  await form.getByRole("radio", { name: /^Import a file/ }).check();
  const file = form.getByLabel("File to import");

  // Not a Word document: a plain error, nothing created, the form keeps its state.
  await file.setInputFiles({ name: "broken.docx", mimeType: "application/octet-stream", buffer: Buffer.from("nope") });
  await expect(form.getByRole("textbox", { name: "Title" })).toHaveValue("broken");
  await form.getByRole("button", { name: "Import briefing" }).click();
  await expect(form.getByRole("alert")).toHaveText(/not a Word document/);
  await expect(page).toHaveURL(/\/briefings$/);

  // A Word file: the briefing opens after the notice about the image that was left out.
  await form.getByRole("textbox", { name: "Title" }).fill("");
  await file.setInputFiles({
    name: "AUKUS options.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from(await wordFile()),
  });
  await expect(form.getByRole("textbox", { name: "Title" })).toHaveValue("AUKUS options");
  await form.getByRole("button", { name: "Import briefing" }).click();
  await expect(form.getByRole("status")).toContainText("1 image was left out");
  await form.getByRole("link", { name: "Open the briefing" }).click();
  const briefing = new BriefingPage(page);
  await briefing.waitUntilSaved();
  await expect(page.getByRole("heading", { level: 1, name: "AUKUS options" })).toBeVisible();
  await expect(briefing.editor().getByRole("heading", { name: "Options for AUKUS Pillar II" })).toBeVisible();
  await expect(briefing.editor().locator("u")).toHaveText("underlined");
  await expect(briefing.editor().getByRole("table")).toContainText("NATO");

  // Markdown: straight to the new briefing.
  await list.goto();
  await form.getByRole("radio", { name: /^Import a file/ }).check();
  await file.setInputFiles({
    name: "quad.md",
    mimeType: "text/markdown",
    buffer: Buffer.from("## The Quad\n\n- Maritime security\n"),
  });
  await form.getByRole("button", { name: "Import briefing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "quad" })).toBeVisible();
  await briefing.waitUntilSaved();
  await expect(briefing.editor().getByRole("listitem")).toHaveText("Maritime security");
});
