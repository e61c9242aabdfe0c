import { expect, test } from "@playwright/test";
import { ArrangePanelOnPage, ComparePage } from "./pages/compare-page";

test("Compare's Frameworks and Dimensions panels: one open at a time, Escape closes", async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.goto("?fw=nato,aukus,quad");
  const frameworks = new ArrangePanelOnPage(page, "Frameworks");
  const dimensions = new ArrangePanelOnPage(page, "Dimensions");

  // Opening one closes the other, both ways.
  await frameworks.toggle().click();
  await frameworks.expectOpen(true);
  await dimensions.toggle().click();
  await dimensions.expectOpen(true);
  await frameworks.expectOpen(false);
  await frameworks.toggle().click();
  await frameworks.expectOpen(true);
  await dimensions.expectOpen(false);

  // Escape on the toggle closes the panel and leaves focus where it was.
  await frameworks.toggle().focus();
  await page.keyboard.press("Escape");
  await frameworks.expectOpen(false);
  await expect(frameworks.toggle()).toBeFocused();

  // From the keyboard: open, move into the list, Escape closes and returns focus to the toggle.
  await dimensions.toggle().focus();
  await page.keyboard.press("Enter");
  await dimensions.expectOpen(true);
  await page.keyboard.press("Tab");
  await expect(dimensions.list().getByRole("checkbox").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await dimensions.expectOpen(false);
  await expect(dimensions.toggle()).toBeFocused();
  await frameworks.expectOpen(false);
});
