import type { Page } from "@playwright/test";

/** The site header: main navigation and, on narrow windows, the menu button that folds it. */
export class SiteHeader {
  constructor(readonly page: Page) {}

  readonly menuButton = () => this.page.getByRole("banner").getByRole("button", { name: "Menu" });
  readonly navLink = (name: string) =>
    this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
}
