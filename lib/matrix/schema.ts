import { z } from "zod";
import { slugSchema } from "@/lib/catalog/schema";
import { MAX_FRAMEWORKS } from "./view-state";

/** A comma-separated list of unique items. */
const list = (item: z.ZodString) =>
  z
    .string()
    .transform((v) => [...new Set(v.split(",").map((s) => s.trim()))].filter(Boolean))
    .pipe(z.array(item));

/** Query parameters of GET /api/compare.csv, /api/v1/compare.csv and /api/v1/compare. */
export const compareCsvQuerySchema = z
  .object({
    frameworks: list(slugSchema).pipe(
      z
        .array(z.string())
        .min(1, "name at least one framework slug")
        .max(MAX_FRAMEWORKS, `name at most ${MAX_FRAMEWORKS} frameworks`),
    ),
    dimensions: list(z.string().regex(/^[a-z][a-z0-9_]*$/, "must be lower_snake_case dimension keys")).optional(),
    transpose: z.enum(["0", "1"]).optional(),
  })
  .strict();
