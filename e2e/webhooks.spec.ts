import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { AuthFlow } from "./pages/auth";
import { WebhooksSection } from "./pages/webhooks-section";

type Received = { event: string; signature: string; body: string };

/** A receiver as a customer would write it: raw body, HMAC of "t.body" with the secret. */
function verify(secret: string, header: string, body: string): boolean {
  const t = /(?:^|,)t=(\d+)/.exec(header)?.[1];
  const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1];
  if (!t || !v1) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}

test("an owner adds a webhook, sends a test event to a local receiver and sees it delivered", async ({ page }) => {
  const received: Received[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({
        event: String(req.headers["x-webhook-event"]),
        signature: String(req.headers["x-webhook-signature"]),
        body,
      });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    await new AuthFlow(page).signUp("Wanda Webhook", "wanda.webhook@example.org");
    await page.goto("/briefings");
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("Hooked briefing");
    await page.getByRole("button", { name: /^(New|Create) briefing$/ }).click();
    await expect(page).toHaveURL(/\/briefings\/[^/]+$/);
    const briefingId = new URL(page.url()).pathname.split("/").pop()!;
    await page.goto(`/briefings/${briefingId}/export`);

    const webhooks = new WebhooksSection(page);
    await expect(webhooks.root.getByText("No webhooks yet.")).toBeVisible();
    // A plain-http address elsewhere is refused with a sentence saying why.
    await webhooks.root.getByLabel("Payload URL").fill("http://example.org/hook");
    await webhooks.root.getByRole("button", { name: "Add webhook" }).click();
    await expect(webhooks.root.getByRole("alert")).toContainText("https://");

    const secret = await webhooks.add(url, ["briefing.updated", "briefing.shared"]);
    expect(secret).toMatch(/^whsec_/);
    const item = webhooks.item(url);
    await expect(item).toBeVisible();
    await expect(item.getByTestId("webhook-last-delivery")).toContainText("none yet");

    await item.getByRole("button", { name: "Send test event" }).click();
    await expect(item.getByRole("status")).toHaveText("Test event delivered (HTTP 200).");
    await expect(item.getByTestId("webhook-last-delivery")).toContainText("Delivered (HTTP 200)");
    await item.getByText(/Recent deliveries \(1\)/).click();
    await expect(item.getByTestId("webhook-delivery")).toContainText(["Delivered (HTTP 200)"]);

    expect(received).toHaveLength(1);
    expect(received[0]!.event).toBe("ping");
    expect(verify(secret, received[0]!.signature, received[0]!.body)).toBe(true);

    // After a reload the secret is gone for good; turning the webhook off disables the test button.
    await page.reload();
    await expect(webhooks.root.getByTestId("webhook-secret")).toHaveCount(0);
    await item.getByRole("button", { name: "Turn off" }).click();
    await expect(item.getByRole("button", { name: "Send test event" })).toBeDisabled();
    page.once("dialog", (dialog) => dialog.accept());
    await item.getByRole("button", { name: "Delete" }).click();
    await expect(webhooks.root.getByText("No webhooks yet.")).toBeVisible();

    // A team's owner (an admin too) has the same section on the team page, for the team's briefings.
    await page.getByRole("link", { name: "Teams", exact: true }).click();
    await page.getByLabel("New team name").fill("Hook desk");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hook desk" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Webhooks" })).toBeVisible();
    await expect(webhooks.root.getByText("No webhooks yet.")).toBeVisible();
    await expect(webhooks.root.getByRole("button", { name: "Add webhook" })).toBeEnabled();
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
