import { expect, type Page } from "@playwright/test";

/** The /compare page: picker, toolbar, matrix grid, citation popover, charts. */
export class ComparePage {
  constructor(readonly page: Page) {}

  readonly picker = () => this.page.getByRole("combobox", { name: "Frameworks to compare" });
  readonly options = () => this.page.getByRole("listbox", { name: "Matching frameworks" }).getByRole("option");
  readonly chips = () => this.page.getByRole("list", { name: "Selected frameworks" }).getByRole("listitem");
  readonly grid = () => this.page.getByRole("grid");
  readonly columnHeaders = () => this.grid().getByRole("columnheader");
  readonly rowHeaders = () => this.grid().getByRole("rowheader");
  readonly row = (name: string | RegExp) => this.grid().getByRole("row", { name });
  readonly notices = () => this.page.getByTestId("matrix-notices");
  readonly summary = () => this.page.getByTestId("matrix-summary");
  readonly transpose = () => this.page.getByRole("button", { name: "Transpose" });
  readonly hideEqual = () =>
    this.page.getByRole("checkbox", { name: /^Hide (rows|columns) where all values are equal/ });
  readonly highlight = () => this.page.getByRole("checkbox", { name: "Highlight differences" });
  readonly filter = () => this.page.getByRole("searchbox", { name: /^Filter (dimensions|frameworks)$/ });
  readonly citationDialog = () => this.page.getByRole("dialog", { name: /^Value and sources:/ });

  async goto(query = "") {
    await this.page.goto(`/compare${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Compare frameworks" })).toBeVisible();
    await this.live();
  }

  /** Waits until the page is interactive: the browser has the matrix data and React hydrated it. */
  async live() {
    await expect(this.page.locator(".compare[data-live]")).toHaveCount(1);
  }

  /**
   * A column header, scrolling the matrix sideways until it is rendered: columns are virtualized,
   * so with many dimensions a far column exists only once scrolled to, as for a user.
   */
  async columnHeader(name: string) {
    const header = this.columnHeaders().filter({ hasText: name });
    const scroller = this.page.getByTestId("matrix-scroll");
    for (let step = 0; step < 40 && (await header.count()) === 0; step++) {
      await scroller.evaluate((el) => el.scrollBy({ left: el.clientWidth / 2 }));
      await this.page.waitForTimeout(50);
    }
    await expect(header).toHaveCount(1);
    return header;
  }

  /** Adds a framework by typing in the picker and choosing the matching option. */
  async add(search: string, option: string | RegExp, by: "keyboard" | "mouse" = "keyboard") {
    await this.picker().fill(search);
    const choice = this.options().filter({ hasText: option }).first();
    await expect(choice).toBeVisible();
    if (by === "mouse") await choice.click();
    else {
      // The first match is highlighted; move to the wanted one if it is not.
      while ((await choice.getAttribute("aria-selected")) !== "true") await this.picker().press("ArrowDown");
      await this.picker().press("Enter");
    }
  }

  /** The text of the row headers, in order (only rendered rows: fine for small matrices). */
  async rowLabels(): Promise<string[]> {
    return (await this.rowHeaders().allTextContents()).map((t) => t.trim());
  }
}

/** One of Compare's "Frameworks" / "Dimensions" panels (a disclosure above the matrix). */
export class ArrangePanelOnPage {
  constructor(
    readonly page: Page,
    readonly title: "Frameworks" | "Dimensions",
  ) {}

  readonly disclosure = () =>
    this.page.locator("details.arrange").filter({ hasText: new RegExp(`^\\s*${this.title}`) });
  readonly toggle = () => this.disclosure().locator("summary");
  readonly list = () => this.page.getByRole("list", { name: this.title, exact: true });

  async expectOpen(open: boolean) {
    await expect(this.disclosure()).toHaveJSProperty("open", open);
    if (open) await expect(this.list()).toBeVisible();
    else await expect(this.list()).toBeHidden();
  }
}
