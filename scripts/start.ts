// `npm start`: build when the sources changed, then run the production server.
// @ts-expect-error plain ESM script without type declarations
import { buildIfStale } from "./build.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
buildIfStale();
const { main } = await import("../server/index");
await main();
