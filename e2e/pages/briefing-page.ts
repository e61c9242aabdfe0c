import { expect, type Page } from "@playwright/test";

/** The /briefings list and the create form. */
export class BriefingsList {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/briefings${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Briefings" })).toBeVisible();
  }

  /** Creates a briefing from a template and waits for its editor page. */
  async create(title: string, template: "Blank" | "Policy brief" | "Framework comparison memo" = "Blank") {
    const form = this.page.getByRole("form", { name: "New briefing" });
    await form.getByRole("textbox", { name: "Title" }).fill(title);
    await form.getByRole("radio", { name: new RegExp(`^${template}`) }).check();
    await form.getByRole("button", { name: "Create briefing" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    return new BriefingPage(this.page);
  }
}

/** One briefing: the collaborative editor, its status, presence, inserts and the access panel. */
export class BriefingPage {
  constructor(readonly page: Page) {}

  readonly editor = () => this.page.getByRole("textbox", { name: "Briefing text" });
  readonly status = () => this.page.getByTestId("save-status");
  readonly toolbar = () => this.page.getByRole("toolbar", { name: "Formatting" });
  readonly people = () => this.page.getByRole("list", { name: "People here" });
  readonly frameworkEmbeds = () => this.editor().getByTestId("framework-embed");
  readonly comparisonEmbeds = () => this.editor().getByTestId("comparison-embed");
  readonly carets = () => this.editor().getByTestId("collab-caret");
  /** The text as a reader sees it: collaborators' caret labels ("Emil Editor") sit inside the text. */
  readonly text = () =>
    this.editor().evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('[data-testid="collab-caret"]')) caret.remove();
      return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    });

  async goto(url: string) {
    await this.page.goto(url);
    await this.waitUntilSaved();
  }

  async waitUntilSaved() {
    await expect(this.status()).toHaveText(/Saved|Read-only/, { timeout: 30_000 });
  }

  /** Puts the cursor at the end of the paragraph containing `text` and types `addition`. */
  async typeAfter(text: string, addition: string) {
    await this.editor().getByText(text, { exact: false }).first().click();
    await this.page.keyboard.press("End");
    await this.page.keyboard.type(addition);
  }

  /** Puts the cursor at the end of the paragraph under the section heading `heading` and types `text`. */
  async typeUnder(heading: string, text: string) {
    const section = this.editor().getByRole("heading", { name: heading, exact: true });
    await section.locator("xpath=following-sibling::p[1]").click();
    await this.page.keyboard.press("End");
    await this.page.keyboard.type(text);
  }

  /** Types `text` as a new paragraph at the end of the document. */
  async typeAtEnd(text: string) {
    // Editable once the document is in sync (before that, keys typed into it are dropped).
    await expect(this.editor()).toHaveAttribute("contenteditable", "true", { timeout: 30_000 });
    await this.editor().locator(":scope > p").last().click();
    await this.page.keyboard.press("Control+End");
    await this.page.keyboard.press("Enter");
    await this.page.keyboard.type(text);
  }

  async openInsertMenu() {
    await this.toolbar().getByRole("button", { name: "Insert" }).click();
    return this.page.getByRole("menu", { name: "Insert" });
  }

  async insertFramework(search: string, name: string, mode: "live" | "pinned" = "live") {
    await (await this.openInsertMenu()).getByRole("menuitem", { name: /Framework card/ }).click();
    const dialog = this.page.getByRole("dialog", { name: "Insert a framework card" });
    await dialog.getByRole("searchbox", { name: "Search the catalog" }).fill(search);
    if (mode === "pinned") await dialog.getByRole("radio", { name: /pinned as of today/ }).check();
    await dialog.getByRole("button", { name: `Insert ${name}` }).click();
    await expect(dialog).toBeHidden();
  }

  async insertComparison(name: string) {
    await (await this.openInsertMenu()).getByRole("menuitem", { name: /Saved comparison/ }).click();
    const dialog = this.page.getByRole("dialog", { name: "Embed a saved comparison" });
    await dialog.getByRole("button", { name: `Embed ${name}` }).click();
    await expect(dialog).toBeHidden();
  }

  /** Removes someone's access through the access panel. */
  async unshare(label: string) {
    const panel = this.page.getByRole("complementary", { name: "Sharing" });
    await panel.getByRole("button", { name: `Remove access of ${label}` }).click();
    await expect(panel.getByRole("list", { name: "People and teams with access" })).not.toContainText(label);
  }

  /** Shares through the access panel. */
  async share(email: string, role: "Viewer" | "Commenter" | "Editor") {
    const panel = this.page.getByRole("complementary", { name: "Sharing" });
    await panel.getByLabel("Person (e-mail) or team").fill(email);
    await panel.getByLabel("Role").selectOption({ label: role });
    await panel.getByRole("button", { name: "Share" }).click();
    await expect(panel.getByRole("list", { name: "People and teams with access" })).toContainText(email);
  }
}
