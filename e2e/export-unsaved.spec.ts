import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingsList } from "./pages/briefing-page";

// Exports are made from the server's copy: with changes not saved yet, the Export menu says so and
// lets the user wait for the save (issue 12, case 1).
test("Export warns while changes are not saved and can wait until they are", async ({ page, context }) => {
  test.setTimeout(120_000);
  await new AuthFlow(page).signUp("Una Unsaved", "una.unsaved@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Unsaved export");
  await briefing.waitUntilSaved();
  await briefing.editor().click();
  await page.keyboard.type("Stored before going offline.");
  await briefing.waitUntilSaved();

  await context.setOffline(true);
  await expect(briefing.status()).toHaveText("Offline");
  await briefing.typeAtEnd("Typed while offline.");

  await page.getByRole("button", { name: "Export ▾" }).click();
  await page.getByRole("menuitem", { name: /^Markdown/ }).click();
  const warning = page.getByTestId("export-unsaved-warning");
  await expect(warning).toContainText(
    "Your latest changes are not saved yet; the Markdown export contains the last saved version.",
  );
  await warning.getByRole("button", { name: "Wait until saved" }).click();
  await expect(warning).toContainText("It starts as soon as your changes are saved.");

  const downloaded = page.waitForEvent("download");
  await context.setOffline(false);
  const body = fs.readFileSync(await (await downloaded).path(), "utf8");
  expect(body).toContain("Stored before going offline.");
  expect(body).toContain("Typed while offline.");
  await expect(warning).toHaveCount(0);
});
