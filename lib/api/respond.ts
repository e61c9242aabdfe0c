import { RetryLaterError } from "@/lib/export/render-pool";

/** What Next passes a route handler besides the request. */
export type RouteHandlerContext = { params: Promise<Record<string, string>> };

/**
 * The skeleton every route handler shares (the public /api/v1 through `apiRoute`, the app's own
 * routes through `route`): run the body with the path parameters and turn any thrown error into
 * one response with `toResponse`, the format of that family. Errors that ask to retry later
 * (RetryLaterError) carry Retry-After in either format.
 */
export function handleErrors(
  toResponse: (error: unknown) => Response,
  body: (request: Request, params: Record<string, string>) => Promise<Response>,
) {
  return async (request: Request, context?: RouteHandlerContext): Promise<Response> => {
    try {
      return await body(request, (await context?.params) ?? {});
    } catch (error) {
      const response = toResponse(error);
      if (error instanceof RetryLaterError) response.headers.set("Retry-After", String(error.retryAfterSeconds));
      return response;
    }
  };
}
