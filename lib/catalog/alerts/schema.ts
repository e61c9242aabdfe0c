import { z } from "zod";
import { briefingId } from "@/lib/briefings/schema";
import { slugSchema } from "../schema";

const id = z.string().trim().min(1).max(64);

/** Dismiss `ids` (1-100) of a briefing's catalog notices, or all of them when `ids` is absent. */
export const dismissAlertsSchema = z.object({
  briefingId,
  ids: z.array(id).min(1, "name at least one notice").max(100).optional(),
});

/** The most changes one page of the change feed holds. */
export const CHANGE_PAGE_MAX = 100;
export const CHANGE_PAGE_DEFAULT = 30;

/** Query of GET /api/v1/catalog/changes (and of the /frameworks/changes page and Atom feed). */
export const listChangesQuery = z
  .object({
    framework: slugSchema.optional(),
    cursor: id.optional(),
    limit: z.coerce.number().int().min(1).max(CHANGE_PAGE_MAX).optional(),
  })
  .strict();

export type ListChangesQuery = z.infer<typeof listChangesQuery>;
