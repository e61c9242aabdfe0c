import { vi } from "vitest";

/**
 * Next's request context for tests that call server actions or session code outside a request:
 * `next/headers` answers with `request.headers` (set them to a signed-in user's to act as that
 * user) and `next/cache` revalidation does nothing. Import this module before the code under test
 * (which the test files import dynamically, after it).
 */
export const request = { headers: new Headers() };

vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => {}, getAll: () => [] }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
