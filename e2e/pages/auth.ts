import { expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";

export const PASSWORD = "a long enough password";

/** Sign-up, sign-in and sign-out as a user would. */
export class AuthFlow {
  constructor(readonly page: Page) {}

  /**
   * Signs up through the form. The address is then verified (what the mailed link or an
   * administrator at /admin does; e2e has no mail server) unless `verified: false`.
   */
  async signUp(name: string, email: string, { verified = true }: { verified?: boolean } = {}) {
    if (!this.page.url().includes("/sign-up")) await this.page.goto("/sign-up");
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await this.page.getByLabel("Repeat password").fill(PASSWORD);
    await this.page.getByRole("button", { name: "Create account" }).click();
    await expect(this.page.getByRole("link", { name: `Account: ${name}` })).toBeVisible();
    if (verified) markVerified(email);
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

/** Runs one statement on the e2e server's database (playwright.config.ts sets E2E_DATABASE). */
function runOnE2eDatabase(sql: string, ...params: string[]) {
  const file = process.env.E2E_DATABASE;
  if (!file) throw new Error("E2E_DATABASE is not set (see playwright.config.ts)");
  const db = new Database(file, { timeout: 10_000 });
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

/** Marks an address verified (what the mailed link or an administrator at /admin does). */
export function markVerified(email: string) {
  runOnE2eDatabase('UPDATE "User" SET "emailVerified" = 1 WHERE "email" = ?', email.toLowerCase());
}

/**
 * Makes an account a catalog editor, what an administrator does at /admin (accounts.spec.ts tests
 * that path); for specs that need an editor but are not the first account on the e2e database.
 */
export function makeCatalogEditor(email: string) {
  runOnE2eDatabase('UPDATE "User" SET "catalogEditor" = 1 WHERE "email" = ?', email.toLowerCase());
}
