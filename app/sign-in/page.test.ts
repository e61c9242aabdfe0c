// The sign-in page with hostile `next` values: it must neither fail nor send the browser off-site,
// whether the visitor is already signed in (server redirect) or not (the form's destination).
import type { ReactElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const { default: SignInPage } = await import("./page");

const HOSTILE = ["/\t/evil.example", "//evil.example", "/\\evil.example", "/a\r\nx: y", "/%2F/evil.example", "/\uD800"];

/** Where Next's redirect() would send the browser: it throws an error whose digest holds the URL. */
async function redirectTarget(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT;")) return digest.split(";")[2] ?? "";
    throw error;
  }
  throw new Error("expected a redirect");
}

/** The `next` prop the page hands to the sign-in form (the client pushes it after signing in). */
function formNext(page: unknown): string {
  const children = (page as ReactElement<{ children: ReactElement<{ next?: string }>[] }>).props.children;
  const form = children.find((child) => child?.props?.next !== undefined);
  return form?.props.next ?? "";
}

describe("sign-in page with hostile next values", () => {
  let t: TestDatabase;
  let user: TestUser;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    useTestDb(t.db);
    user = await signUp(createAuth(t.db), "Signed In");
  });
  afterAll(() => t?.drop());

  it.each(HOSTILE)("redirects a signed-in visitor on-site for %j", async (next) => {
    request.headers = user.headers;
    const target = await redirectTarget(() => SignInPage({ searchParams: Promise.resolve({ next }) }));
    expect(target).toBe("/briefings");
  });

  it.each(HOSTILE)("gives the sign-in form an on-site destination for %j", async (next) => {
    request.headers = new Headers();
    const page = await SignInPage({ searchParams: Promise.resolve({ next }) });
    expect(formNext(page)).toBe("/briefings");
  });
});
