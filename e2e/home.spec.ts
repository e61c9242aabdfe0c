import { expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";

test("the home page shows visitors what the product does; signed in, it opens the briefings", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/cited and written together/);
  for (const name of ["A catalog you can cite", "Compare side by side", "Write the briefing together"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  // The looks are real catalog data: NATO's card and a comparison table that opens in /compare.
  await expect(
    page.getByTestId("framework-card").getByRole("link", { name: /North Atlantic Treaty Organization/ }),
  ).toBeVisible();
  const table = page.getByRole("table", { name: /A comparison of/ });
  await expect(table.getByRole("columnheader")).toHaveText(["NATO", "AUKUS", "Quad"]);
  await page.getByRole("link", { name: "Open this comparison" }).click();
  await expect(page).toHaveURL(/\/compare\?fw=nato,aukus,quad/);

  await page.goto("/");
  await page.getByRole("link", { name: "Create an account", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-up/);
  await new AuthFlow(page).signUp("Hana Home", "hana.home@example.org");
  await page.goto("/");
  await expect(page).toHaveURL(/\/briefings$/);
});
