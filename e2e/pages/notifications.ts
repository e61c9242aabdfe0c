import { expect, type Page } from "@playwright/test";

/** The header's bell and its dropdown inbox. */
export class NotificationBell {
  constructor(readonly page: Page) {}

  readonly button = () => this.page.getByRole("banner").getByTestId("notification-bell");
  readonly panel = () => this.page.getByRole("region", { name: "Notifications" });
  readonly items = () => this.panel().getByTestId("notification");

  /** Waits until the bell announces `count` unread, reloading (the bell also polls every 30 s). */
  async expectUnread(count: number) {
    const name = count === 0 ? "Notifications, none unread" : `Notifications, ${count} unread`;
    await expect(async () => {
      await this.page.reload();
      await expect(this.button()).toHaveAccessibleName(name, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  }

  async open() {
    await this.button().click();
    await expect(this.panel()).toBeVisible();
    await expect(this.panel().getByText("Loading…")).toHaveCount(0);
  }
}
