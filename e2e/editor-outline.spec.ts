import { expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingsList } from "./pages/briefing-page";

test("the outline lists the headings, jumps to them, follows edits and section links", async ({ page }) => {
  await new AuthFlow(page).signUp("Otto Outline", "otto.outline@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Outlined brief", "Policy brief");
  await briefing.waitUntilSaved();
  const outline = page.getByRole("navigation", { name: "Outline" });
  await expect(outline.getByRole("link")).toHaveText([
    "Summary",
    "Background",
    "Analysis",
    "Options",
    "Recommendation",
  ]);

  // Clicking a section scrolls to it, marks it current and gives the page a link to it.
  await outline.getByRole("link", { name: "Recommendation" }).click();
  await expect(page).toHaveURL(/#recommendation$/);
  await expect(briefing.editor().getByRole("heading", { name: "Recommendation" })).toBeInViewport();
  await expect(outline.getByRole("link", { name: "Recommendation" })).toHaveAttribute("aria-current", "location");

  // A new heading appears in the outline; a repeated one gets its own anchor.
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+Alt+2");
  await page.keyboard.type("Background");
  await expect(outline.getByRole("link")).toHaveText([
    "Summary",
    "Background",
    "Analysis",
    "Options",
    "Recommendation",
    "Background",
  ]);
  await expect(outline.getByRole("link").last()).toHaveAttribute("href", "#background-2");
  await briefing.waitUntilSaved();

  // A link to a section opens the briefing there.
  await page.goto(`${page.url().split("#")[0]}#options`);
  await briefing.waitUntilSaved();
  await expect(briefing.editor().getByRole("heading", { name: "Options" })).toBeInViewport();

  // The outline can be hidden, and stays hidden on this device.
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  await expect(outline).toBeHidden();
  await page.reload();
  await briefing.waitUntilSaved();
  await expect(page.getByRole("button", { name: "Outline", exact: true })).toHaveAttribute("aria-pressed", "false");
  await expect(outline).toBeHidden();
});
