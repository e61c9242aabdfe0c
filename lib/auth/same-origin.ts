/** What a request says about where it was sent to (header values as received). */
export type RequestTarget = {
  host: string | null | undefined;
  /** The request arrived over TLS at this process. */
  encrypted: boolean;
  forwardedHost?: string | null;
  forwardedProto?: string | null;
};

/** Where this instance trusts requests to be addressed. */
export type OriginPolicy = {
  /** TRUST_PROXY: X-Forwarded-Host/-Proto come from our own reverse proxy, not from the client. */
  trustProxy: boolean;
  /** APP_URL: the public URL, always an acceptable origin (also behind an untrusted proxy). */
  appUrl?: string | undefined;
};

const first = (value: string | null | undefined) => value?.split(",")[0]?.trim() || undefined;

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The origin the request was addressed to: scheme and host as this process saw them, or as the
 * reverse proxy reports them when (and only when) TRUST_PROXY says there is one. Without it, a
 * client's own X-Forwarded-Host would let it name the origin it is compared with.
 */
export function targetOrigin(target: RequestTarget, policy: OriginPolicy): string | null {
  const host = (policy.trustProxy ? first(target.forwardedHost) : undefined) ?? first(target.host);
  if (!host) return null;
  const proto = (policy.trustProxy ? first(target.forwardedProto) : undefined) ?? (target.encrypted ? "https" : "http");
  if (proto !== "http" && proto !== "https") return null;
  return originOf(`${proto}://${host}`);
}

/**
 * Whether a browser's Origin header is this app's own origin: scheme, host and port must all match
 * (http://app is not https://app), either the request's target or APP_URL.
 */
export function isSameOrigin(origin: string, target: RequestTarget, policy: OriginPolicy): boolean {
  const actual = originOf(origin);
  if (!actual) return false;
  if (policy.appUrl && originOf(policy.appUrl) === actual) return true;
  return targetOrigin(target, policy) === actual;
}
