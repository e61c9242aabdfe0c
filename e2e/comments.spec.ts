import { type Browser, expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingPage, BriefingsList } from "./pages/briefing-page";
import { CommentsPanel } from "./pages/comments-panel";

// Review loop: an author, a commenter and a viewer on one briefing, each in their own browser.
test.describe.configure({ mode: "serial" });

const AUTHOR = { name: "Ana Author", email: "ana.comments@example.org" };
const COMMENTER = { name: "Cem Commenter", email: "cem.comments@example.org" };
const VIEWER = { name: "Val Viewer", email: "val.comments@example.org" };
const SENTENCE = "The alliance ratified the treaty in 1949.";

async function signedUp(browser: Browser, user: { name: string; email: string }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await new AuthFlow(page).signUp(user.name, user.email);
  return { context, page, briefing: new BriefingPage(page), comments: new CommentsPanel(page) };
}

test("comment on a selection, reply and resolve, live for everyone; the viewer only reads", async ({ browser }) => {
  test.setTimeout(180_000);
  const author = await signedUp(browser, AUTHOR);
  const commenter = await signedUp(browser, COMMENTER);
  const viewer = await signedUp(browser, VIEWER);

  const list = new BriefingsList(author.page);
  await list.goto();
  await list.create("Alliance history");
  await author.briefing.waitUntilSaved();
  await author.briefing.editor().click();
  await author.page.keyboard.type(SENTENCE);
  await author.briefing.waitUntilSaved();
  await author.briefing.share(COMMENTER.email, "Commenter");
  await author.briefing.share(VIEWER.email, "Viewer");
  const url = author.page.url();
  await expect(author.comments.panel()).toContainText("No open comments.");

  await commenter.briefing.goto(url);
  await viewer.briefing.goto(url);
  // The viewer reads comments but gets no way to write one.
  await expect(viewer.comments.panel()).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Comment", exact: true })).toHaveCount(0);

  // The commenter (who cannot edit the text) comments on a selection, mentioning the author.
  await commenter.comments.selectParagraph(SENTENCE);
  await commenter.comments.commentOnSelection(" which treaty exactly?", { typed: "Ana", name: AUTHOR.name });
  const question = "which treaty exactly?";
  for (const who of [author, commenter, viewer]) {
    await expect(who.comments.thread(question)).toBeVisible();
    await expect(who.comments.thread(question)).toContainText(SENTENCE);
    await expect(who.comments.highlights().first()).toBeVisible();
  }
  await expect(author.comments.thread(question).locator(".comment__mention")).toHaveText(`@${AUTHOR.name}`);
  await author.comments.show("Mentioning me");
  await expect(author.comments.threads()).toHaveCount(1);
  await author.comments.show("Open");
  // Nothing was written to the document: the commenter's comment left the text as it was.
  await expect(author.briefing.editor()).toHaveText(SENTENCE);

  // The author replies; everyone sees it without reloading.
  await author.comments.reply(question, "The North Atlantic Treaty.");
  await expect(commenter.comments.thread(question)).toContainText("The North Atlantic Treaty.");
  await expect(viewer.comments.thread(question)).toContainText("The North Atlantic Treaty.");
  // The viewer has no controls on threads.
  await expect(viewer.comments.thread(question).getByRole("button", { name: /Reply|Resolve|Edit|Delete/ })).toHaveCount(
    0,
  );

  // Hovering commented text shows its thread (marked active in the panel).
  await viewer.comments.highlights().first().hover();
  await expect(viewer.comments.thread(question)).toHaveClass(/thread--active/);

  // Share links: one created "with comments" shows the open threads (live), one without shows none.
  const links = await author.context.newPage();
  await links.goto(`${url}/export`);
  const createLink = async (withComments: boolean) => {
    await links.getByTestId("share-with-comments").setChecked(withComments);
    await links.getByRole("button", { name: "Create read-only link" }).click();
    await expect(links.getByTestId("new-share-link")).toHaveValue(/\/share\//);
    const link = await links.getByTestId("new-share-link").inputValue();
    await links.reload();
    return link;
  };
  await links.getByTestId("share-with-comments").check();
  await links.getByTestId("share-links").screenshot({ path: test.info().outputPath("share-links-form.png") });
  const plainLink = await createLink(false);
  const commentsLink = await createLink(true);
  const anonymous = await browser.newContext();
  const plain = await anonymous.newPage();
  await plain.goto(plainLink);
  await expect(plain.getByText(SENTENCE)).toBeVisible();
  await expect(plain.getByTestId("shared-comments")).toHaveCount(0);
  const shared = await anonymous.newPage();
  await shared.goto(commentsLink);
  await expect(shared.getByTestId("shared-comments")).toContainText("The North Atlantic Treaty.");
  await shared.screenshot({ path: test.info().outputPath("share-page-comments.png"), fullPage: true });

  await author.page.screenshot({ path: test.info().outputPath("comments-author.png") });
  await commenter.page.screenshot({ path: test.info().outputPath("comments-commenter.png") });

  // The commenter resolves: the thread leaves "Open" for everyone, and its highlight goes.
  await commenter.comments.thread(question).getByRole("button", { name: "Resolve" }).click();
  for (const who of [author, commenter, viewer]) {
    await expect(who.comments.thread(question)).toHaveCount(0);
    await expect(who.comments.panel()).toContainText("No open comments.");
    await expect(who.comments.highlights()).toHaveCount(0);
  }
  await expect(shared.getByTestId("shared-comments")).toContainText("No open comments.");
  await expect(plain.getByTestId("shared-comments")).toHaveCount(0);
  await anonymous.close();
  await viewer.comments.show("Resolved");
  await expect(viewer.comments.thread(question)).toContainText(`Resolved by ${COMMENTER.name}`);
  await viewer.comments.panel().screenshot({ path: test.info().outputPath("comments-resolved-viewer.png") });

  for (const who of [author, commenter, viewer]) await who.context.close();
});
