import { expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { BriefingsList } from "./pages/briefing-page";

test("a citation of a catalog value's source is numbered with the Sources in the exports", async ({ page }) => {
  await new AuthFlow(page).signUp("Cy Citation", "cy.citation@example.org");
  const list = new BriefingsList(page);
  await list.goto();
  const briefing = await list.create("Cited brief");
  await briefing.waitUntilSaved();
  const editor = briefing.editor();
  await editor.click();
  await page.keyboard.type("Allies defend each other");

  // Insert menu -> Citation: search a framework, then pick one of its values with sources.
  await (await briefing.openInsertMenu()).getByRole("menuitem", { name: /^Citation of a catalog source/ }).click();
  const dialog = page.getByRole("dialog", { name: "Cite a catalog source" });
  await dialog.getByRole("searchbox", { name: "Search the catalog" }).fill("nato");
  await dialog.getByRole("button", { name: "North Atlantic Treaty Organization" }).click();
  const value = dialog.getByRole("list", { name: "Cited values" }).getByRole("button").first();
  await expect(value).toContainText(/\d+ sources?/);
  const label = (await value.locator(".picker__name").textContent())?.trim() ?? "";
  expect(label).not.toBe("");
  await value.click();
  await expect(dialog).toBeHidden();

  // In the editor the citation names what it cites, right where the caret was.
  const citation = editor.locator('span[data-type="citation"]');
  await expect(citation).toHaveCount(1);
  await expect(citation).toHaveText(`[NATO: ${label}]`);
  await page.keyboard.type(".");
  await expect(editor.locator("p").first()).toHaveText(`Allies defend each other[NATO: ${label}].`);
  await briefing.waitUntilSaved();
  const id = new URL(page.url()).pathname.split("/").pop();

  // HTML: [1] links to its Sources entry, which names the catalog's source.
  const html = await (await page.request.get(`/api/briefings/${id}/export?format=html`)).text();
  // (NATO's values cite one or two sources: [1] or [1][2].)
  const ref = html.match(
    /Allies defend each other<a class="ref"[^>]*href="#([^"]+)">\[1\]<\/a>(<a class="ref"[^>]*>\[2\]<\/a>)?\./,
  );
  expect(ref).not.toBeNull();
  const entry = html.slice(html.indexOf(`id="${ref![1]}"`));
  expect(entry.slice(0, 600)).toContain("The North Atlantic Treaty");

  // Markdown: the citation is a GFM footnote whose definition is the Sources entry.
  const markdown = await (await page.request.get(`/api/briefings/${id}/export?format=md`)).text();
  expect(markdown).toMatch(/Allies defend each other\[\^1\](\[\^2\])?\./);
  expect(markdown).toMatch(/^## Sources$/m);
  expect(markdown).toMatch(/^\[\^1\]: .*The North Atlantic Treaty/m);
});
