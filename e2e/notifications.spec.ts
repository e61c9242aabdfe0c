import { expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingsList } from "./pages/briefing-page";
import { NotificationBell } from "./pages/notifications";

test("a share and a document @mention reach the other person's bell, and opening one leads to the briefing", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await new AuthFlow(owner).signUp("Nina Notifier", "nina.notifier@example.org");
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await new AuthFlow(reader).signUp("Bruno Reader", "bruno.reader@example.org");
  const bell = new NotificationBell(reader);
  await expect(bell.button()).toHaveAccessibleName("Notifications, none unread");

  // A shares a briefing with B: B's bell shows 1.
  const list = new BriefingsList(owner);
  await list.goto();
  const a = await list.create("Arctic logistics");
  await a.waitUntilSaved();
  await a.share("bruno.reader@example.org", "Editor");
  const url = owner.url();
  await bell.expectUnread(1);

  // B opens the inbox (keyboard: Escape closes it and gives focus back to the bell).
  await bell.open();
  await expect(bell.items()).toHaveCount(1);
  await expect(bell.items().first()).toContainText("Nina Notifier shared “Arctic logistics” with you as editor");
  await reader.screenshot({ path: testInfo.outputPath("bell-inbox.png") });
  await reader.keyboard.press("Escape");
  await expect(bell.panel()).toBeHidden();
  await expect(bell.button()).toBeFocused();

  // B opens the notification: lands on the briefing, and the count goes to 0.
  await bell.open();
  await bell.items().first().getByRole("link").click();
  await reader.waitForURL(url);
  await expect(reader.getByRole("heading", { level: 1, name: "Arctic logistics" })).toBeVisible();
  await bell.expectUnread(0);

  // A types @ in the document and picks B from the popup: B gets a `mentioned` notification.
  await a.typeAtEnd("Ask @Bru");
  const popup = owner.getByTestId("mention-popup");
  await expect(popup.getByRole("option", { name: /Bruno Reader/ })).toBeVisible();
  await owner.keyboard.press("Enter");
  await expect(popup).toBeHidden();
  await expect(a.editor().locator(".mention")).toHaveText("@Bruno Reader");
  await owner.keyboard.type("about the fuel depots.");
  await a.waitUntilSaved();
  await bell.expectUnread(1);
  await bell.open();
  await expect(bell.items().first()).toContainText("You were mentioned in “Arctic logistics”");
  await expect(bell.items().first()).toContainText("Ask @Bruno Reader");
  await reader.screenshot({ path: testInfo.outputPath("bell-mention.png") });
  await bell.panel().getByRole("button", { name: "Mark all read" }).click();
  await expect(bell.button()).toHaveAccessibleName("Notifications, none unread");

  // The full inbox groups by briefing; the account page sets what is e-mailed.
  await reader.goto("/notifications");
  const group = reader.getByRole("region", { name: "Arctic logistics" });
  await expect(group.getByTestId("notification")).toHaveCount(2);
  await expect(reader.getByRole("status")).toHaveText("All read.");
  await reader.screenshot({ path: testInfo.outputPath("inbox-page.png"), fullPage: true });
  await reader.goto("/account");
  const emailChoice = reader.getByRole("group", { name: "E-mail me about" });
  await emailChoice.getByRole("radio", { name: /Everything/ }).check();
  await reader.getByRole("button", { name: "Save", exact: true }).click();
  await expect(reader.getByText("Saved.", { exact: true })).toBeVisible();
  await reader.reload();
  await expect(emailChoice.getByRole("radio", { name: /Everything/ })).toBeChecked();

  await ownerContext.close();
  await readerContext.close();
});
