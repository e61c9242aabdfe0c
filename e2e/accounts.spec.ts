import { expect, type Request, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";

// One story across two people, in order: the e2e database is fresh, so the first account is the
// instance administrator (and therefore a catalog editor).
test.describe.configure({ mode: "serial" });

test("accounts, teams, invitations, catalog editing with history, and refused forgeries", async ({ browser }) => {
  test.setTimeout(120_000);
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const a = await alice.newPage();
  const b = await bob.newPage();

  // Alice signs up: first account on the instance.
  await a.goto("/sign-up");
  await expect(a.getByText("first account on this installation")).toBeVisible();
  await new AuthFlow(a).signUp("Alice Admin", "alice@example.org");

  // She edits a cited value; we keep her server-action request to replay it as Bob later.
  let editRequest: Request | undefined;
  a.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"] && r.url().includes("/frameworks/fpda/edit"))
      editRequest ??= r;
  });
  await a.goto("/frameworks/fpda");
  await a.getByRole("link", { name: "Edit framework" }).click();
  const row = a.getByTestId("edit-dimension-joint_exercises");
  await row.getByRole("button", { name: "Edit Joint exercises" }).click();
  await row.getByLabel("Note").fill("Bersama series exercises are held every year.");
  await row.getByLabel("Source 1 title").fill("FPDA exercise report");
  await row.getByLabel("Source 1 URL").fill("https://example.org/fpda-exercises");
  await row.getByRole("button", { name: "Save value" }).click();
  await expect(row.getByRole("button", { name: "Edit Joint exercises" })).toBeVisible();

  // A value without a source is refused with a clear message.
  const challenges = a.getByTestId("edit-dimension-main_challenges");
  await challenges.getByRole("button", { name: "Edit Main challenges" }).click();
  const removeSource = challenges.getByRole("button", { name: /Remove source/ });
  while ((await removeSource.count()) > 0) await removeSource.first().click();
  await challenges.getByRole("button", { name: "Save value" }).click();
  await expect(challenges.getByRole("alert")).toContainText("at least one source");
  await challenges.getByRole("button", { name: "Cancel" }).click();

  await a.goto("/frameworks/fpda");
  const history = a.getByRole("list", { name: "Change history" });
  await expect(history.getByTestId("history-item")).toHaveCount(1);
  await expect(history).toContainText("Alice Admin changed Joint exercises");
  await expect(history).toContainText("FPDA exercise report");
  await expect(a.getByTestId("dimension-joint_exercises")).toContainText(
    "Bersama series exercises are held every year.",
  );

  // Alice creates a team and invites Bob by link.
  await a.getByRole("link", { name: "Teams", exact: true }).click();
  await a.getByLabel("New team name").fill("Pacific desk");
  await a.getByRole("button", { name: "Create team" }).click();
  await expect(a.getByRole("heading", { level: 1, name: "Pacific desk" })).toBeVisible();
  await a.getByLabel("E-mail").fill("bob@example.org");
  await a.getByRole("button", { name: "Create invitation" }).click();
  const link = await a.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);

  // Bob opens the link, creates his account from there, comes back and joins.
  await b.goto(new URL(link).pathname);
  await expect(b.getByRole("heading", { name: "Join Pacific desk" })).toBeVisible();
  await b.getByRole("link", { name: "Create an account" }).click();
  await expect(b).toHaveURL(/\/sign-up\?next=%2Finvite%2F/);
  await new AuthFlow(b).signUp("Bob Analyst", "bob@example.org", { verified: false });
  await expect(b).toHaveURL(/\/invite\//);
  // Anyone can register an address: Bob joins only once his is verified (no mail server here, so
  // Alice, the administrator, vouches for it).
  await expect(b.getByText("Verify your e-mail address first: ask your administrator")).toBeVisible();
  await a.goto("/admin");
  await a.getByRole("button", { name: "Mark bob@example.org verified" }).click();
  await expect(a.getByRole("row", { name: /bob@example.org/ })).toContainText("Verified");
  await b.reload();
  await b.getByRole("button", { name: "Join Pacific desk" }).click();
  await expect(b.getByRole("heading", { level: 1, name: "Pacific desk" })).toBeVisible();
  await expect(b.getByRole("row", { name: /Alice Admin/ })).toBeVisible();
  await expect(b.getByRole("row", { name: /Bob Analyst/ })).toBeVisible();

  // Bob signs out and in again.
  await new AuthFlow(b).signOut();
  await new AuthFlow(b).signIn("Bob Analyst", "bob@example.org");

  // Bob is not a catalog editor: no edit controls, and the edit page does not exist for him.
  await b.goto("/frameworks/fpda");
  await expect(b.getByRole("heading", { level: 1 })).toContainText("Five Power Defence Arrangements");
  await expect(b.getByRole("link", { name: "Edit framework" })).toHaveCount(0);
  expect((await b.goto("/frameworks/fpda/edit"))?.status()).toBe(404);

  // A forged request: Alice's captured server-action call replayed with Bob's session is refused.
  expect(editRequest).toBeDefined();
  const forged = await b.request.post(editRequest!.url(), {
    headers: { ...editRequest!.headers(), cookie: (await bob.cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
    data: editRequest!.postData() ?? "",
  });
  expect(await forged.text()).toContain("You do not have permission");
  await b.goto("/frameworks/fpda");
  await expect(b.getByRole("list", { name: "Change history" }).getByTestId("history-item")).toHaveCount(1);

  // A cross-site request is refused before it reaches any handler.
  const crossSite = await b.request.post("/api/auth/sign-out", { headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);

  await alice.close();
  await bob.close();
});
