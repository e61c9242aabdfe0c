import fs from "node:fs";
import path from "node:path";

/**
 * JavaScript a route's first load needs, from the build output: Next writes it per route in
 * .next/diagnostics/route-bundle-stats.json (uncompressed bytes of the route's first-load chunks).
 * `floor_kb` is the smallest route's (/_not-found: Next's runtime, React DOM and the root layout),
 * what any page of this app loads. Null without that file (an older build).
 */
export function routeJs(root: string, route: string): { kb: number; floor_kb: number; chunks: number } | null {
  const file = path.join(root, ".next", "diagnostics", "route-bundle-stats.json");
  if (!fs.existsSync(file)) return null;
  const stats = JSON.parse(fs.readFileSync(file, "utf8")) as {
    route: string;
    firstLoadUncompressedJsBytes: number;
    firstLoadChunkPaths: string[];
  }[];
  const entry = stats.find((s) => s.route === route);
  if (!entry) return null;
  const floor = Math.min(...stats.map((s) => s.firstLoadUncompressedJsBytes));
  return {
    kb: Math.round(entry.firstLoadUncompressedJsBytes / 1024),
    floor_kb: Math.round(floor / 1024),
    chunks: entry.firstLoadChunkPaths.length,
  };
}
