/**
 * Whether a string is well-formed UTF-16 (no lone surrogate). JSON and server-action arguments can
 * carry lone surrogates ("\ud800"); no text needs one, they cannot be encoded as UTF-8, and Prisma
 * fails on them with an internal error, so inputs refuse them with a 4xx instead.
 */
export function isWellFormed(value: string): boolean {
  return !/\p{Surrogate}/u.test(value);
}
