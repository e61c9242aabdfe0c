import { expect, type Page } from "@playwright/test";

export const PASSWORD = "a long enough password";

/** Sign-up, sign-in and sign-out as a user would. */
export class AuthFlow {
  constructor(readonly page: Page) {}

  async signUp(name: string, email: string) {
    if (!this.page.url().includes("/sign-up")) await this.page.goto("/sign-up");
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await this.page.getByLabel("Repeat password").fill(PASSWORD);
    await this.page.getByRole("button", { name: "Create account" }).click();
    await expect(this.page.getByRole("link", { name: `Account: ${name}` })).toBeVisible();
  }

  async signIn(name: string, email: string) {
    await this.page.goto("/sign-in");
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Password").fill(PASSWORD);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page.getByRole("link", { name: `Account: ${name}` })).toBeVisible();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page.getByRole("link", { name: "Sign in" })).toBeVisible();
  }
}
