import { expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingPage, BriefingsList } from "./pages/briefing-page";

test("a user without access asks for it, the owner approves, and a revoked reader sees 'No access'", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await new AuthFlow(owner).signUp("Ada Owner", "ada.owner@example.org");
  const list = new BriefingsList(owner);
  await list.goto();
  const a = await list.create("Northern flank plans");
  await a.waitUntilSaved();
  await a.typeAtEnd("Reinforcement options for the northern flank.");
  await a.waitUntilSaved();
  const url = owner.url();

  // B opens the URL: told there is no access, with neither the title nor the owner's name.
  const requesterContext = await browser.newContext();
  const requester = await requesterContext.newPage();
  await new AuthFlow(requester).signUp("Ben Requester", "ben.requester@example.org");
  await requester.goto(url);
  await expect(
    requester.getByRole("heading", { level: 1, name: "You don't have access to this briefing" }),
  ).toBeVisible();
  await expect(requester.locator("body")).not.toContainText("Northern flank plans");
  await expect(requester.locator("body")).not.toContainText("Ada Owner");
  await requester.getByLabel("Message (optional)").fill("I cover the Baltic desk.");
  await requester.getByRole("button", { name: "Request access" }).click();
  await expect(requester.getByRole("status")).toContainText("You asked for access");

  // A sees the request in the access panel and approves it as a viewer.
  await owner.reload();
  const request = owner.getByRole("form", { name: "Request from Ben Requester" });
  await expect(request).toContainText("I cover the Baltic desk.");
  await request.getByLabel("Role for Ben Requester").selectOption("viewer");
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(owner.getByRole("list", { name: "People and teams with access" })).toContainText(
    "Ben Requester <ben.requester@example.org> · Viewer",
  );
  await expect(request).toHaveCount(0);

  // B reloads and reads.
  const b = new BriefingPage(requester);
  await b.goto(url);
  await expect(requester.getByRole("heading", { level: 1, name: "Northern flank plans" })).toBeVisible();
  await expect(b.editor()).toContainText("Reinforcement options for the northern flank.");
  await expect(b.status()).toHaveText("Read-only");

  // A removes B's access while B has the briefing open: B's badge says so, not "Offline".
  await owner.getByRole("button", { name: "Remove access of Ben Requester <ben.requester@example.org>" }).click();
  await expect(b.status()).toHaveText("No access");
  await expect(requester.getByText("You no longer have access to this briefing.")).toBeVisible();

  await ownerContext.close();
  await requesterContext.close();
});

test("an unknown briefing id still gets the ordinary not-found page", async ({ page }) => {
  await new AuthFlow(page).signUp("Nora Nobody", "nora.nobody@example.org");
  await page.goto("/briefings/no-such-briefing-id");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Request access" })).toHaveCount(0);
});
