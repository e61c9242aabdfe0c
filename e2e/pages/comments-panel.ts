import { expect, type Page } from "@playwright/test";

/** The comments side panel of a briefing and the ways into it (selection + Mod-Alt-M). */
export class CommentsPanel {
  constructor(readonly page: Page) {}

  readonly panel = () => this.page.getByTestId("comments-panel");
  readonly threads = () => this.panel().getByTestId("comment-thread");
  readonly thread = (text: string) => this.threads().filter({ hasText: text });
  readonly highlights = () => this.page.locator(".prose .comment-highlight");
  readonly commentButton = () => this.page.getByRole("button", { name: "Comment", exact: true }).first();

  /** Shows the threads of one filter: Open, Resolved, All, Mine, Mentioning me. */
  async show(filter: "Open" | "Resolved" | "All" | "Mine" | "Mentioning me") {
    await this.panel().getByRole("button", { name: filter, exact: true }).click();
    await expect(this.panel().getByRole("button", { name: filter, exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  }

  /** Selects the paragraph holding `text` (a triple click: works in read-only editors too). */
  async selectParagraph(text: string) {
    await this.page.getByRole("textbox", { name: "Briefing text" }).getByText(text).click({ clickCount: 3 });
  }

  /** Comments on the current selection with Mod-Alt-M, mentioning `mention` (a name prefix) first. */
  async commentOnSelection(body: string, mention?: { typed: string; name: string }) {
    await this.page.keyboard.press("Control+Alt+m");
    const box = this.panel().getByTestId("new-comment").getByRole("textbox", { name: "Comment" });
    await expect(box).toBeFocused();
    if (mention) {
      await box.pressSequentially(`@${mention.typed}`);
      await this.panel()
        .getByRole("option", { name: new RegExp(mention.name) })
        .click();
    }
    await box.pressSequentially(body);
    await this.panel().getByTestId("new-comment").getByRole("button", { name: "Comment", exact: true }).click();
    await expect(this.panel().getByTestId("new-comment")).toHaveCount(0);
  }

  async reply(threadText: string, body: string) {
    const thread = this.thread(threadText);
    await thread.getByRole("button", { name: "Reply", exact: true }).click();
    await thread.getByRole("textbox", { name: "Reply" }).fill(body);
    await thread.getByRole("button", { name: "Reply", exact: true }).click();
    await expect(thread).toContainText(body);
  }
}
