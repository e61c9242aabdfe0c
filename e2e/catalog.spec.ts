import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { CatalogPage } from "./pages/catalog-page";

test.describe("catalog", () => {
  test("lists the seeded catalog with a count that matches the cards", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    const count = await catalog.announcedCount();
    expect(count).toBeGreaterThanOrEqual(30);
    await expect(catalog.cards()).toHaveCount(count);
    await expect(catalog.card(/^North Atlantic Treaty Organization$/)).toBeVisible();
  });

  test("searches as you type, by name and by member country", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog.search().fill("japan");
    await expect(page).toHaveURL(/\?q=japan$/);
    await expect(catalog.resultCount()).toContainText("match");
    await expect(catalog.card(/Quadrilateral Security Dialogue/)).toBeVisible();
    const count = await catalog.announcedCount();
    await expect(catalog.cards()).toHaveCount(count);
    expect(count).toBeLessThan(20);

    await catalog.search().fill("zzzz no such thing");
    await expect(page.getByRole("heading", { name: "No frameworks match" })).toBeVisible();
    await page.getByRole("link", { name: "Show all frameworks" }).click();
    await expect(page).toHaveURL(/\/frameworks$/);
    await expect(catalog.search()).toHaveValue("");
  });

  test("filters by status and kind, and the URL carries the filters", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog.filter("Status").selectOption("defunct");
    await expect(page).toHaveURL(/status=defunct/);
    await expect(catalog.card(/Warsaw Pact/)).toBeVisible();
    const badges = catalog.cards().locator(".badge");
    await expect(badges.first()).toHaveText("Defunct");
    for (const text of await badges.allTextContents()) expect(text).toBe("Defunct");

    await catalog.filter("Kind").selectOption("collective-defence-alliance");
    await catalog.filter("Region").selectOption("middle-east");
    await expect(page).toHaveURL(/kind=collective-defence-alliance&region=middle-east&status=defunct/);
    await expect(catalog.card(/Central Treaty Organization/)).toBeVisible();
    await expect(catalog.card(/Warsaw Pact/)).toHaveCount(0);

    await page.reload();
    await expect(catalog.filter("Status")).toHaveValue("defunct");
    await expect(catalog.filter("Region")).toHaveValue("middle-east");
    await expect(catalog.cards()).toHaveCount(1);
  });

  test("opens a detail page with members and cited values, and follows a citation", async ({ page, context }) => {
    // The machine is offline: answer external requests with a stub so the popup has somewhere to land.
    await context.route(/^https?:\/\/(?!localhost)/, (route) =>
      route.fulfill({ contentType: "text/html", body: "<title>External source</title>" }),
    );
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog
      .card(/^North Atlantic Treaty Organization$/)
      .getByRole("link")
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("North Atlantic Treaty Organization (NATO)");
    await expect(page.getByRole("row", { name: /Finland/ })).toContainText("4 Apr 2023");
    await expect(page.getByRole("row", { name: /Sweden/ })).toContainText("7 Mar 2024");

    const clause = page.getByTestId("dimension-collective_defence_clause");
    await expect(clause).toContainText("Yes");
    const link = clause.getByRole("list", { name: "Sources" }).getByRole("link").first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^https:\/\//);
    const [popup] = await Promise.all([page.waitForEvent("popup"), link.click()]);
    await expect(popup).toHaveURL(href!);
    await expect(popup).toHaveTitle("External source");
  });

  test("shows a not-found page for an unknown framework", async ({ page }) => {
    const response = await page.goto("/frameworks/no-such-framework");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Framework not found" })).toBeVisible();
  });

  test("pages a long list: page links, cards per page, filters back to page 1, selection kept across pages", async ({
    page,
  }) => {
    const catalog = new CatalogPage(page);
    const pager = page.getByRole("navigation", { name: "Pages of frameworks" });
    const names = () => catalog.cards().getByRole("heading").allTextContents();
    await catalog.goto("?per=25");
    const total = await catalog.announcedCount();
    const pages = Math.ceil(total / 25);
    expect(pages).toBeGreaterThanOrEqual(2);
    await expect(catalog.resultCount()).toContainText(`${total} frameworks · page 1 of ${pages}`);
    await expect(pager).toContainText(`Showing 1–25 of ${total}`);
    await expect(catalog.cards()).toHaveCount(25);
    const first = await names();
    await catalog.cards().first().getByRole("checkbox").check();

    await pager.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/\/frameworks\?per=25&page=2$/);
    await expect(pager).toContainText(`Showing 26–${Math.min(50, total)} of ${total}`);
    await expect(pager.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
    const second = await names();
    expect(second).toHaveLength(Math.min(25, total - 25));
    expect(second.filter((n) => first.includes(n))).toEqual([]);
    // The selection made on page 1 is still there: compare it with one from page 2.
    await catalog.cards().first().getByRole("checkbox").check();
    await expect(page.getByRole("button", { name: "Compare selected (2)" })).toBeEnabled();

    await pager.getByRole("link", { name: "Page 1" }).click();
    await expect(page).toHaveURL(/\/frameworks\?per=25$/);
    expect(await names()).toEqual(first);
    await expect(catalog.cards().first().getByRole("checkbox")).toBeChecked();

    // A filter starts again at page 1 and keeps the page size.
    await pager.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/page=2/);
    await catalog.filter("Status").selectOption("active");
    await expect(page).toHaveURL(/\/frameworks\?status=active&per=25$/);
    await expect(catalog.resultCount()).toContainText("match");

    // Past the end: the last page, said plainly; a bad page number is named and ignored.
    await catalog.goto(`?per=25&page=${pages + 5}`);
    await expect(page.getByRole("status").filter({ hasText: `There is no page ${pages + 5}` })).toBeVisible();
    await expect(pager.getByRole("link", { name: `Page ${pages}` })).toHaveAttribute("aria-current", "page");
    await catalog.goto("?page=first");
    await expect(page.getByText("Ignored invalid filter: page.")).toBeVisible();
    await expect(catalog.cards()).toHaveCount(Math.min(total, 100));
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`the paged list has no serious accessibility violations (${colorScheme})`, async ({ page }) => {
      test.slow(); // axe walks the whole page; on a busy machine that takes a while
      await page.emulateMedia({ colorScheme });
      const catalog = new CatalogPage(page);
      await catalog.goto("?per=25&page=2");
      await expect(page.getByRole("navigation", { name: "Pages of frameworks" })).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }

  test("the page's first HTML has the search form above the list (it used to stream in after every card)", async ({
    request,
  }) => {
    const html = await (await request.get("/frameworks")).text();
    const form = html.indexOf('id="filter-q"');
    const firstCard = html.indexOf('data-testid="framework-card"');
    expect(form).toBeGreaterThan(0);
    expect(firstCard).toBeGreaterThan(0);
    expect(form).toBeLessThan(firstCard);
  });
});

test.describe("catalog API", () => {
  test("lists with filters, and answers 400 and 404 as JSON", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(await health.json()).toMatchObject({ status: "ok", database: { reachable: true } });

    const list = await request.get("/api/frameworks?status=defunct");
    expect(list.status()).toBe(200);
    const body = (await list.json()) as { count: number; frameworks: { slug: string; status: string }[] };
    expect(body.count).toBe(body.frameworks.length);
    expect(body.frameworks.map((f) => f.slug)).toContain("warsaw-pact");
    expect(body.frameworks.every((f) => f.status === "defunct")).toBe(true);

    const bad = await request.get("/api/frameworks?kind=bogus&extra=1");
    expect(bad.status()).toBe(400);
    const error = (await bad.json()) as { error: { code: string; details: { param: string }[] } };
    expect(error.error.code).toBe("bad_request");
    expect(error.error.details.map((d) => d.param).sort()).toEqual(["(query)", "kind"].sort());

    const missing = await request.get("/api/frameworks/no-such-framework");
    expect(missing.status()).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");

    const nato = (await (await request.get("/api/frameworks/nato")).json()) as {
      members: unknown[];
      groups: unknown[];
    };
    expect(nato.members.length).toBeGreaterThanOrEqual(32);
    expect(nato.groups.length).toBeGreaterThan(0);
  });
});
