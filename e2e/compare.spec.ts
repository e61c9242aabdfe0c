import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { parseCsv } from "../lib/csv";
import { ComparePage } from "./pages/compare-page";

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test.describe("compare", () => {
  test("pick three, transpose, hide equal rows, cite by keyboard, export, reload", async ({ page, context }) => {
    test.slow(); // one long user journey: several navigations, a download and a reload
    await context.route(/^https?:\/\/(?!localhost)/, (route) =>
      route.fulfill({ contentType: "text/html", body: "<title>External source</title>" }),
    );
    const compare = new ComparePage(page);
    await compare.goto();
    await expect(page.getByTestId("compare-empty")).toContainText("Pick frameworks to compare");
    await expect(page.getByRole("link", { name: "NATO vs AUKUS vs the Quad" })).toBeVisible();

    await compare.add("nato", /^NATO — North Atlantic Treaty Organization/);
    await compare.add("aukus", /^AUKUS/, "mouse");
    await compare.add("quadri", /Quadrilateral Security Dialogue/);
    await expect(compare.chips()).toHaveText(["NATO×", "AUKUS×", "Quad×"]);
    await expect(page).toHaveURL(/\/compare\?fw=nato,aukus,quad$/);
    await expect(compare.columnHeaders()).toHaveText([/^Dimension/, /^NATO/, /^AUKUS/, /^Quad/]);
    await expect(compare.row(/^Decision rule/)).toContainText("Consensus");

    await compare.hideEqual().check();
    await expect(compare.row(/^Decision rule/)).toHaveCount(0);
    await expect(compare.row(/^Collective-defence clause/)).toBeVisible();
    await expect(compare.summary()).toContainText("equal hidden");

    await compare.transpose().click();
    await expect(compare.transpose()).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/fw=nato,aukus,quad&transpose=1&equal=hide$/);
    expect(await compare.rowLabels()).toEqual([
      "North Atlantic Treaty Organization",
      "AUKUS security partnership",
      "Quadrilateral Security Dialogue",
    ]);
    await expect(compare.columnHeaders().filter({ hasText: "Decision rule" })).toHaveCount(0);

    // Keyboard: the corner is the grid's tab stop; arrows move the focus, Enter opens the citations.
    await page.getByRole("button", { name: /^Framework/ }).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    const cell = compare
      .row(/^North Atlantic Treaty Organization/)
      .getByRole("gridcell")
      .first();
    await expect(cell).toBeFocused();
    await expect(page.getByRole("tooltip")).toContainText("NATO — Collective-defence clause");
    await page.keyboard.press("Enter");
    const dialog = compare.citationDialog();
    await expect(dialog).toBeVisible();
    const link = dialog.getByRole("link").first();
    await expect(link).toBeFocused();
    expect(await link.getAttribute("href")).toMatch(/^https?:\/\//);
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(cell).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(
      compare
        .row(/^AUKUS/)
        .getByRole("gridcell")
        .first(),
    ).toBeFocused();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("comparison-nato-aukus-quad.csv");
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8"));
    const header = rows[0]!;
    expect(header[0]).toBe("Framework");
    expect(header).toContain("Collective-defence clause");
    expect(header).not.toContain("Decision rule");
    expect(rows.map((r) => r[0])).toEqual([
      "Framework",
      "North Atlantic Treaty Organization",
      "AUKUS security partnership",
      "Quadrilateral Security Dialogue",
    ]);
    const at = (row: number, column: string) => rows[row]![header.indexOf(column)];
    expect([
      at(1, "Collective-defence clause"),
      at(2, "Collective-defence clause"),
      at(3, "Collective-defence clause"),
    ]).toEqual(["Yes", "No", "No"]);
    expect(at(1, "Full members")).toBe("32");

    const url = page.url();
    await page.reload();
    await compare.live();
    expect(page.url()).toBe(url);
    await expect(compare.transpose()).toHaveAttribute("aria-pressed", "true");
    await expect(compare.hideEqual()).toBeChecked();
    expect(await compare.rowLabels()).toEqual(rows.slice(1).map((r) => r[0]));
    await expect(compare.columnHeaders().filter({ hasText: "Decision rule" })).toHaveCount(0);
  });

  test("sorts by a column, filters rows, collapses a group, and the URL keeps it all", async ({ page }) => {
    test.slow(); // a journey with a reload
    const compare = new ComparePage(page);
    await compare.goto("?fw=nato,aukus,quad&transpose=1");
    // 39 dimensions: the column is off to the right, rendered once scrolled to.
    const fullMembers = await compare.columnHeader("Full members");
    await fullMembers.getByRole("button").click();
    await expect(fullMembers).toHaveAttribute("aria-sort", "ascending");
    expect((await compare.rowLabels()).map((l) => l.slice(0, 5))).toEqual(["AUKUS", "Quadr", "North"]);
    await expect(page).toHaveURL(/fsort=member_count/);
    await fullMembers.getByRole("button").click();
    await expect(fullMembers).toHaveAttribute("aria-sort", "descending");
    expect((await compare.rowLabels())[0]).toBe("North Atlantic Treaty Organization");

    await compare.filter().fill("quadrilateral");
    await expect(compare.rowHeaders()).toHaveCount(1);
    await expect(compare.summary()).toContainText("2 frameworks filtered out");
    await compare.filter().fill("");
    await compare.transpose().click();
    await page.getByRole("button", { name: /^Governance/ }).click();
    await expect(page.getByRole("button", { name: /^Governance/ })).toHaveAttribute("aria-expanded", "false");
    await expect(compare.row(/^Decision rule/)).toHaveCount(0);
    await expect(page).toHaveURL(/fsort=-member_count&collapsed=governance$/);
    await page.reload();
    await compare.live();
    await expect(compare.row(/^Decision rule/)).toHaveCount(0);
    await expect(compare.row(/^Collective-defence clause/)).toBeVisible();
  });

  test("names what the URL had that it could not use, never failing", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto(`?fw=nato,no-such-pact,Bad%20Slug&transpose=maybe&dhide=nope`);
    await expect(compare.notices()).toContainText("Ignored unknown framework: no-such-pact.");
    await expect(compare.notices()).toContainText("Ignored malformed framework name(s) in “fw”: Bad Slug.");
    await expect(compare.notices()).toContainText("The transpose setting “maybe” was not understood");
    await expect(compare.notices()).toContainText("Ignored unknown dimension: nope.");
    await expect(compare.columnHeaders()).toHaveText([/^Dimension/, /^NATO/]);
    await expect(page).toHaveURL(/\/compare\?fw=nato$/);

    const many = Array.from({ length: 52 }, (_, i) => `framework-${i}`).join(",");
    await compare.goto(`?fw=${many}`);
    await expect(compare.notices()).toContainText("Only the first 50 of the 52 frameworks are compared");
  });

  test("lists the countries two frameworks share, and draws the timeline", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto("?fw=nato,warsaw-pact,aukus");
    const cell = page.getByRole("button", { name: "NATO and Warsaw Pact: 4 countries in common" });
    await cell.focus();
    await page.keyboard.press("Enter");
    await expect(cell).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("overlap-detail")).toContainText("Poland");
    await expect(page.getByTestId("overlap-detail").getByRole("listitem")).toHaveCount(4);
    await expect(page.getByRole("img", { name: /^Timeline of 3 frameworks/ })).toBeVisible();
    await page.getByText("The timeline as a table").click();
    const dates = page.getByRole("table", { name: "Founding and end dates" });
    await expect(dates.getByRole("row", { name: /Warsaw Treaty Organization/ })).toContainText("1991");
  });

  test("follows a dark system setting: matrix, differences and charts on dark surfaces, readable", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    const compare = new ComparePage(page);
    await compare.goto("?fw=nato,warsaw-pact,aukus&diff=1");
    await expect(page.getByRole("img", { name: /^Timeline of 3 frameworks/ })).toBeVisible();
    // Mean of the red, green and blue channels of a computed colour (0 black - 255 white).
    const brightness = (selector: string, property: "backgroundColor" | "stroke" = "backgroundColor") =>
      page
        .locator(selector)
        .first()
        .evaluate((el, prop) => {
          const [r, g, b] = (getComputedStyle(el)[prop].match(/[\d.]+/g) ?? []).map(Number);
          return ((r ?? 0) + (g ?? 0) + (b ?? 0)) / 3;
        }, property);
    expect(await brightness("body")).toBeLessThan(60);
    for (const selector of [
      ".matrix-row--head",
      ".matrix-cell--differs",
      ".matrix-row--group",
      ".heatmap__cell--self",
    ]) {
      expect(await brightness(selector), selector).toBeLessThan(80);
    }
    expect(await brightness(".timeline__tick line", "stroke")).toBeLessThan(80);
    const heat = page.getByRole("button", { name: "NATO and Warsaw Pact: 4 countries in common" });
    expect(await heat.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toContain("31, 78, 140");
    await page.screenshot({ path: test.info().outputPath("compare-dark.png"), fullPage: true });
    const { violations } = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
    expect(violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
  });

  for (const [name, query] of [
    ["empty", ""],
    ["frameworks as columns, differences highlighted", "?fw=nato,aukus,quad&diff=1"],
    ["transposed, a group collapsed", "?fw=nato,aukus,quad&transpose=1&collapsed=outlook"],
  ] as const) {
    test(`has no serious accessibility violations: ${name}`, async ({ page }) => {
      test.slow(); // axe walks the whole page; on a busy machine that takes a while
      const compare = new ComparePage(page);
      await compare.goto(query);
      if (query) await expect(compare.grid()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

test.describe("compare selected from the framework list", () => {
  test("with JavaScript: a counted selection opens the comparison", async ({ page }) => {
    await page.goto("/frameworks");
    await page.getByRole("checkbox", { name: "Compare NATO" }).check();
    await page.getByRole("checkbox", { name: "Compare Quad" }).check();
    await page.getByRole("searchbox", { name: "Search" }).fill("warsaw");
    await expect(page).toHaveURL(/q=warsaw/);
    await page.getByRole("checkbox", { name: "Compare Warsaw Treaty Organization (Warsaw Pact)" }).check();
    await page.getByRole("button", { name: "Compare selected (3)" }).click();
    await expect(page).toHaveURL(/\/compare\?fw=nato,quad,warsaw-pact&diff=1$/);
    await expect(new ComparePage(page).columnHeaders()).toHaveText([/^Dimension/, /^NATO/, /^Quad/, /^Warsaw Pact/]);
  });

  test("without JavaScript: the form still submits the selection", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/frameworks");
    await page.getByRole("checkbox", { name: "Compare NATO" }).check();
    await page.getByRole("checkbox", { name: "Compare AUKUS" }).check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await expect(page).toHaveURL(/\/compare\?fw=aukus&fw=nato$/);
    await expect(page.getByRole("grid").getByRole("columnheader")).toHaveText([/^Dimension/, /^AUKUS/, /^NATO/]);
    await context.close();
  });
});

test.describe("compare CSV API", () => {
  test("exports a named CSV and rejects bad parameters with JSON", async ({ request }) => {
    const ok = await request.get("/api/compare.csv?frameworks=nato,quad&dimensions=member_count,decision_rule");
    expect(ok.status()).toBe(200);
    expect(ok.headers()["content-disposition"]).toBe('attachment; filename="comparison-nato-quad.csv"');
    expect(parseCsv(await ok.text())).toEqual([
      ["Group", "Dimension", "North Atlantic Treaty Organization", "Quadrilateral Security Dialogue"],
      ["Governance", "Full members", "32", "4"],
      ["Governance", "Decision rule", "Consensus", "Consensus"],
    ]);
    const bad = await request.get("/api/compare.csv?frameworks=nato,atlantis");
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "bad_request", details: [{ param: "frameworks" }] } });
  });
});
