import { COMMON_PASSWORDS } from "./common-passwords";

/** The shortest password accepted (also the sign-up form's minLength). */
export const MIN_PASSWORD_LENGTH = 10;

let common: Set<string> | undefined;
const commonPasswords = () => {
  common ??= new Set(COMMON_PASSWORDS.split("\n").filter(Boolean));
  return common;
};

/**
 * Why a new password is too weak (a sentence for the person choosing it), or null when it is
 * acceptable: at least MIN_PASSWORD_LENGTH characters, not one character repeated, and not one of
 * the commonest passwords, also not with digits or symbols around it ("password2024!",
 * "!!monkey1234"), since guessing tools try exactly those first.
 */
export function passwordWeakness(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (new Set(lower).size === 1) return "Use more than one repeated character.";
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  if (commonPasswords().has(lower) || commonPasswords().has(core)) {
    return "This password is one of the most common ones; choose another (a few unrelated words work well).";
  }
  return null;
}
