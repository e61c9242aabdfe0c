import { expect, type Locator, type Page } from "@playwright/test";

/** The Webhooks section of a briefing's "Export and share" page (or of a team page). */
export class WebhooksSection {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("webhooks");
  }

  /** Adds a webhook for the given events and returns the signing secret shown once. */
  async add(url: string, events: string[]): Promise<string> {
    await this.root.getByLabel("Payload URL").fill(url);
    for (const box of await this.root.getByRole("group", { name: "Events to send" }).getByRole("checkbox").all()) {
      const value = await box.getAttribute("value");
      await box.setChecked(events.includes(value ?? ""));
    }
    await this.root.getByRole("button", { name: "Add webhook" }).click();
    const secret = this.root.getByTestId("webhook-secret");
    await expect(secret).toBeVisible();
    return secret.inputValue();
  }

  /** The list item of the webhook calling `url`. */
  item(url: string): Locator {
    return this.root.getByRole("listitem", { name: `Webhook ${url}` });
  }
}
