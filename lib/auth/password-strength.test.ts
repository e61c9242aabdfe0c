import { describe, expect, it } from "vitest";

// scripts/seed-demo.ts (importing it would run the seed): the demo password must stay valid.
const DEMO_PASSWORD = "demo-password-2026";

import { MIN_PASSWORD_LENGTH, passwordWeakness } from "./password-strength";

describe("passwordWeakness", () => {
  it.each([
    ["too short", "Xk9#mQ2v"],
    ["a common password", "1234567890"],
    ["a common password, any case", "QwertyUiop"],
    ["a common password with digits after it", "password2024"],
    ["a common password between symbols and digits", "!!monkey123456"],
    ["one character repeated", "aaaaaaaaaaaa"],
  ])("refuses %s", (_label, password) => {
    expect(passwordWeakness(password)).toMatch(/characters|common|repeated/);
  });

  it.each([
    ["the demo password", DEMO_PASSWORD],
    ["a passphrase", "correct horse battery"],
    ["random characters", "v8#Lq2!zR0pW"],
  ])("accepts %s", (_label, password) => {
    expect(password.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    expect(passwordWeakness(password)).toBeNull();
  });
});
