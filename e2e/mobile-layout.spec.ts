import { expect, type Page, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingsList } from "./pages/briefing-page";
import { SiteHeader } from "./pages/site-header";

// A phone-sized window: nothing may run off the side, and the header folds into a menu.
const PHONE = { width: 390, height: 844 };

/** Fails with the widest offending elements named, so an overflow says where it comes from. */
async function expectNoHorizontalOverflow(page: Page, name: string) {
  const overflow = await page.evaluate(() => {
    const width = window.innerWidth;
    // Content inside a scrolling box (the matrix) may be wider: only what the page itself shows counts.
    const clipped = (el: Element) => {
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== "visible") return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
  expect(overflow.scrollWidth, `${name} is wider than the window: ${overflow.culprits.join(", ")}`).toBeLessThanOrEqual(
    overflow.width,
  );
}

/** The header is folded: its links are behind the menu button, which opens and closes them. */
async function expectFoldedHeader(page: Page) {
  const header = new SiteHeader(page);
  await expect(header.menuButton()).toBeVisible();
  await expect(header.menuButton()).toHaveAttribute("aria-expanded", "false");
  await expect(header.navLink("Frameworks")).toBeHidden();
}

async function checkPage(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectFoldedHeader(page);
  await expectNoHorizontalOverflow(page, path);
}

test("every main page fits a 390 px window, with a header menu that works from the keyboard", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await checkPage(page, "/", /cited and written together/);
  await checkPage(page, "/frameworks", "Defence-cooperation frameworks");
  await checkPage(page, "/frameworks/nato", /^North Atlantic Treaty Organization/);
  await checkPage(page, "/compare?fw=nato,aukus,quad", "Compare frameworks");
  await checkPage(page, "/sign-in", "Sign in");

  // The menu from the keyboard: Tab from the skip link reaches it, Enter opens, Escape closes.
  const header = new SiteHeader(page);
  await page.goto("/frameworks");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(header.menuButton()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(header.menuButton()).toHaveAttribute("aria-expanded", "true");
  await expect(header.navLink("Compare")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expectNoHorizontalOverflow(page, "/frameworks with the menu open");
  await page.keyboard.press("Tab");
  await expect(header.navLink("Frameworks")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(header.menuButton()).toHaveAttribute("aria-expanded", "false");
  await expect(header.menuButton()).toBeFocused();
  await expect(header.navLink("Compare")).toBeHidden();

  // Following a link from the menu closes it on the next page.
  await header.menuButton().click();
  await header.navLink("Compare").click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare frameworks" })).toBeVisible();
  await expect(header.menuButton()).toHaveAttribute("aria-expanded", "false");

  // Signed in: briefings, a briefing, teams and the account page.
  await page.setViewportSize({ width: 1280, height: 800 });
  await new AuthFlow(page).signUp("Pat Phone", "pat.phone@example.org");
  await page.setViewportSize(PHONE);
  await checkPage(page, "/briefings", "Briefings");
  await new BriefingsList(page).create("A briefing read on a phone", "Policy brief");
  await expect(page.getByRole("textbox", { name: "Briefing text" })).toBeVisible();
  await expectFoldedHeader(page);
  await expectNoHorizontalOverflow(page, "a briefing");
  await checkPage(page, "/teams", "Teams");
  await checkPage(page, "/account", "Your account");
  await header.menuButton().click();
  await expect(page.getByRole("link", { name: "Account: Pat Phone" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("the header stays unfolded on a desktop window", async ({ page }) => {
  await page.goto("/frameworks");
  const header = new SiteHeader(page);
  await expect(header.navLink("Compare")).toBeVisible();
  await expect(header.menuButton()).toBeHidden();
});
