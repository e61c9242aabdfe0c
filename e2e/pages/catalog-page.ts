import { expect, type Page } from "@playwright/test";

/** The /frameworks list: search, filters, results. */
export class CatalogPage {
  constructor(readonly page: Page) {}

  readonly search = () => this.page.getByRole("searchbox", { name: "Search" });
  readonly filter = (label: "Kind" | "Region" | "Status" | "Member country") =>
    this.page.getByLabel(label, { exact: true });
  readonly cards = () => this.page.getByTestId("framework-card");
  readonly resultCount = () => this.page.getByTestId("result-count");
  readonly card = (name: string | RegExp) => this.page.getByRole("article", { name });

  async goto(query = "") {
    await this.page.goto(`/frameworks${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Defence-cooperation frameworks" })).toBeVisible();
  }

  /** The number the result line announces ("38 frameworks"). */
  async announcedCount(): Promise<number> {
    const text = (await this.resultCount().textContent()) ?? "";
    return Number(text.match(/^(\d+)/)?.[1] ?? Number.NaN);
  }
}
