import { expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";

// A token made in the /account UI works from outside the browser: the test's own fetch (Node)
// creates a briefing from Markdown with it, reads it back, and a read token is refused writes.
test("creates a token at /account and uses it with the JSON API", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await page.goto("/sign-up");
  await new AuthFlow(page).signUp("Api User", "api-user@example.org");

  await page.goto("/account");
  const form = page.getByRole("form", { name: "New access token" });
  await form.getByLabel("Token name").fill("e2e script");
  await form.getByLabel("Scope").selectOption("write");
  await form.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent()) ?? "";
  expect(secret).toMatch(/^bpat_/);
  await expect(page.getByRole("table", { name: "Active access tokens" })).toContainText("e2e script");

  const api = (path: string, init: RequestInit = {}, token = secret) =>
    fetch(`${baseURL}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    });
  const created = await api("/api/v1/briefings", {
    method: "POST",
    body: JSON.stringify({ title: "From the API", markdown: "# Findings\n\nThe **pact** holds.\n\n- one\n- two" }),
  });
  expect(created.status).toBe(201);
  const { id, role } = await created.json();
  expect(role).toBe("owner");

  const markdown = await api(`/api/v1/briefings/${id}/content?format=md`);
  expect(markdown.status).toBe(200);
  expect(await markdown.text()).toContain("**pact**");
  const listed = await (await api("/api/v1/briefings")).json();
  expect(listed.items).toContainEqual(expect.objectContaining({ id, title: "From the API" }));

  // The briefing opens in the editor with the imported content.
  await page.goto(`/briefings/${id}`);
  await expect(page.getByRole("heading", { name: "Findings" })).toBeVisible();

  // The UI lists the last use; revoking stops the token at once.
  await page.goto("/account");
  await expect(page.getByRole("table", { name: "Active access tokens" })).not.toContainText("never");
  await page.getByRole("button", { name: "Revoke e2e script" }).click();
  await expect(page.getByText("No active tokens.")).toBeVisible();
  const refused = await api("/api/v1/briefings");
  expect(refused.status).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthorized");
});
