import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingWriter } from "./pages/briefing-writer";

const LONG_WORD = `Unbroken${"x".repeat(292)}`; // 300 characters, no break opportunity
const FRAMEWORKS = [
  "nato",
  "aukus",
  "quad",
  "anzus",
  "five-eyes",
  "fpda",
  "csto",
  "sco",
  "seato",
  "cento",
  "warsaw-pact",
  "rio-treaty",
];
const WIDTHS = [390, 1280];

/** Layout facts of the open page: page-level overflow and the comparison scroller's. */
function layout(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const scroller = document.querySelector<HTMLElement>("[aria-label^='Comparison:']");
    return {
      pageOverflow: root.scrollWidth - root.clientWidth,
      scrollerScrolls: scroller ? scroller.scrollWidth > scroller.clientWidth : null,
      scrollerFocusable: scroller?.tabIndex === 0,
    };
  });
}

async function scrollRegionViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withRules(["scrollable-region-focusable"]).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("share page and HTML export: long words wrap, the matrix scrolls in its own focusable box", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await new AuthFlow(owner).signUp("Lena Layout", "lena.layout@example.org");

  // A saved comparison of many frameworks, embedded in a briefing with a 300-character word.
  await owner.goto(`/compare?fw=${FRAMEWORKS.join(",")}`);
  await owner.getByRole("button", { name: "Save comparison" }).click();
  await owner.getByLabel("Name").fill("Twelve frameworks");
  await owner.getByRole("button", { name: "Save", exact: true }).click();
  await expect(owner.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const { comparisons } = (await (await owner.request.get("/api/comparisons")).json()) as {
    comparisons: { id: string; name: string }[];
  };
  const comparisonId = comparisons.find((c) => c.name === "Twelve frameworks")!.id;

  await owner.goto("/briefings");
  await owner.getByRole("textbox", { name: "Title", exact: true }).fill("Layout stress test");
  await owner.getByRole("button", { name: /^(New|Create) briefing$/ }).click();
  await expect(owner).toHaveURL(/\/briefings\/[^/]+$/);
  const briefingId = new URL(owner.url()).pathname.split("/").pop()!;
  const writer = await BriefingWriter.open(ownerContext, baseURL!, briefingId);
  try {
    await writer.append("paragraph", `Before ${LONG_WORD} after.`);
    await writer.appendComparison(comparisonId, "Twelve frameworks");
  } finally {
    writer.close();
  }
  await owner.goto(`/briefings/${briefingId}/export`);
  await owner.getByRole("button", { name: "Create read-only link" }).click();
  const shareUrl = await owner.getByTestId("new-share-link").inputValue();
  const token = shareUrl.split("/").pop()!;
  await ownerContext.close();

  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  for (const width of WIDTHS) {
    await guest.setViewportSize({ width, height: 900 });
    await guest.goto(new URL(shareUrl).pathname);
    await expect(guest.getByText(LONG_WORD, { exact: false })).toBeVisible();
    await expect(guest.getByRole("region", { name: "Comparison: Twelve frameworks" })).toBeVisible();
    const shared = await layout(guest);
    expect(shared, `share page at ${width}px`).toEqual({
      pageOverflow: 0,
      scrollerScrolls: true,
      scrollerFocusable: true,
    });
    expect(await scrollRegionViolations(guest)).toEqual([]);
  }

  // The HTML export, downloaded through the link (rendered by the export workers of the built app).
  const response = await guest.request.get(`/api/briefings/${briefingId}/export?format=html&share=${token}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["x-export-cache"]).toMatch(/^(hit|miss)$/);
  const html = await response.text();
  expect(html).toContain(LONG_WORD);
  for (const width of WIDTHS) {
    await guest.setViewportSize({ width, height: 900 });
    await guest.setContent(html);
    const exported = await layout(guest);
    expect(exported, `HTML export at ${width}px`).toEqual({
      pageOverflow: 0,
      scrollerScrolls: true,
      scrollerFocusable: true,
    });
    expect(await scrollRegionViolations(guest)).toEqual([]);
  }
  await guestContext.close();
});
