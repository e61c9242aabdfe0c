import { describe, expect, it } from "vitest";
import { loadSeedCatalog } from "./seed";
import { checkSourceUrl, inferSourceType, isSourceType } from "./source-policy";

describe("source policy", () => {
  it("refuses denylisted hosts and their subdomains, saying what they are", () => {
    expect(checkSourceUrl("https://grokipedia.com/page/NATO")).toEqual({
      ok: false,
      reason: "is an AI-generated encyclopedia; grokipedia.com is never an acceptable source",
    });
    expect(checkSourceUrl("https://owiki.org/wiki/CSTO")).toMatchObject({ reason: /Wikipedia mirror/ });
    expect(checkSourceUrl("https://kids.britannica.com/students/article/NATO/1")).toMatchObject({
      reason: /children's encyclopedia/,
    });
    expect(checkSourceUrl("https://www.scribd.com/document/1/treaty")).toMatchObject({ reason: /document dump/ });
    expect(checkSourceUrl("https://military-history.fandom.com/wiki/SEATO")).toMatchObject({ reason: /fan wiki/ });
    expect(checkSourceUrl("https://tass.com/politics/1")).toMatchObject({ reason: /state-propaganda/ });
  });

  it("does not refuse a host that merely ends with a denied name", () => {
    expect(checkSourceUrl("https://notrt.com/article/1")).toEqual({ ok: true });
    expect(checkSourceUrl("https://www.britannica.com/topic/NATO")).toEqual({ ok: true });
  });

  it("refuses home pages, with or without a language folder or index file", () => {
    for (const url of [
      "https://www.nato.int/",
      "https://www.fivepowerdefencearrangements.org",
      "https://peacekeeping.un.org/en",
      "http://www-teutates.cea.fr/uk/index.html",
    ])
      expect(checkSourceUrl(url), url).toEqual({
        ok: false,
        reason: "is a site's home page; cite the page that supports the value",
      });
    expect(checkSourceUrl("https://www.nato.int/cps/en/natohq/topics_52044.htm")).toEqual({ ok: true });
    expect(checkSourceUrl("https://example.org/?p=1234")).toEqual({ ok: true });
  });

  it("judges an archived page by the page it archived", () => {
    expect(checkSourceUrl("https://web.archive.org/web/2020/https://owiki.org/wiki/X")).toMatchObject({ ok: false });
    expect(checkSourceUrl("https://web.archive.org/web/2020/https://www.nato.int/")).toMatchObject({ ok: false });
    expect(checkSourceUrl("https://web.archive.org/web/2020/https://www.nato.int/docu/x.htm")).toEqual({ ok: true });
  });

  it("infers a missing type from the host, and unknown hosts get the lowest tier", () => {
    expect(inferSourceType("https://avalon.law.yale.edu/20th_century/nato.asp")).toBe("legal-text");
    expect(inferSourceType("https://www.nato.int/cps/en/natohq/official_texts_17120.htm")).toBe("official");
    expect(inferSourceType("https://www.mofa.go.jp/region/n-america/us/q&a/ref/1.html")).toBe("official");
    expect(inferSourceType("https://commonslibrary.parliament.uk/research-briefings/x")).toBe("research");
    expect(inferSourceType("https://www.reuters.com/world/x")).toBe("press");
    expect(inferSourceType("https://en.wikipedia.org/wiki/NATO")).toBe("reference");
    expect(inferSourceType("https://unknown.example/x")).toBe("reference");
  });
});

describe("the seed catalog under the source policy", () => {
  type SeedAttribute = { dimension: string; needsSource?: boolean; sources: { url: string; type?: string }[] };
  const seed = loadSeedCatalog() as { frameworks: { slug: string; attributes: SeedAttribute[] }[] };

  it("cites no denylisted source or home page, and every source has a known type", () => {
    const offending = seed.frameworks.flatMap((f) =>
      f.attributes.flatMap((a) =>
        a.sources
          .filter((s) => !checkSourceUrl(s.url).ok || !s.type || !isSourceType(s.type))
          .map((s) => `${f.slug}.${a.dimension}: ${s.url} (${s.type ?? "no type"})`),
      ),
    );
    expect(offending).toEqual([]);
  });

  it("keeps the values that lost every source, flagged needsSource (none dropped)", () => {
    const needing = seed.frameworks.flatMap((f) =>
      f.attributes.filter((a) => a.sources.length === 0).map((a) => `${f.slug}.${a.dimension}`),
    );
    expect(needing).toContain("csto.decision_rule");
    for (const f of seed.frameworks)
      for (const a of f.attributes)
        if (a.sources.length === 0) expect(a.needsSource, `${f.slug}.${a.dimension}`).toBe(true);
  });
});
