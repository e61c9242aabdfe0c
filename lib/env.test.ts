import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded SQLite database and port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL.provider).toBe("sqlite");
    expect(env.DATABASE_URL.url).toMatch(/^file:.*data[/\\]app\.db$/);
    expect(env.PORT).toBe(3000);
  });

  it("selects PostgreSQL for a postgres URL, and then requires a shared auth secret", () => {
    const secret = "s".repeat(32);
    expect(
      parseEnv({ DATABASE_URL: "postgres://u@db:5432/app", BETTER_AUTH_SECRET: secret }).DATABASE_URL.provider,
    ).toBe("postgresql");
    expect(parseEnv({ DATABASE_URL: "postgresql://u@db/app", BETTER_AUTH_SECRET: secret }).DATABASE_URL.provider).toBe(
      "postgresql",
    );
    expect(() => parseEnv({ DATABASE_URL: "postgresql://u@db/app" })).toThrow(
      /BETTER_AUTH_SECRET: is required with PostgreSQL/,
    );
  });

  it("names the bad variable with a clear message", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://root@db/app" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://root@db/app" })).toThrow(/DATABASE_URL: must be a PostgreSQL URL/);
    expect(() => parseEnv({ PORT: "99999" })).toThrow(/PORT/);
  });

  it("caps collaboration connections per user, per user and briefing, and per share link", () => {
    expect(parseEnv({})).toMatchObject({
      COLLAB_MAX_CONNECTIONS_PER_USER: 50,
      COLLAB_MAX_CONNECTIONS_PER_USER_BRIEFING: 20,
      COLLAB_MAX_CONNECTIONS_PER_SHARE_LINK: 50,
    });
    expect(parseEnv({ COLLAB_MAX_CONNECTIONS_PER_SHARE_LINK: "200" }).COLLAB_MAX_CONNECTIONS_PER_SHARE_LINK).toBe(200);
    expect(() => parseEnv({ COLLAB_MAX_CONNECTIONS_PER_USER: "0" })).toThrow(/COLLAB_MAX_CONNECTIONS_PER_USER/);
    expect(() => parseEnv({ COLLAB_MAX_CONNECTIONS_PER_USER_BRIEFING: "many" })).toThrow(
      /COLLAB_MAX_CONNECTIONS_PER_USER_BRIEFING/,
    );
  });
});
