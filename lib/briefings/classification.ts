"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { briefingId } from "./schema";

const classificationSchema = z.object({
  briefingId,
  // One line: the marking is printed in page headers and footers.
  classification: z
    .string()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().max(120, "A marking is at most 120 characters.")),
});

/**
 * Sets the classification marking printed on a briefing's exports (title page, every page header
 * and footer), e.g. "UNCLASSIFIED // FOR OFFICIAL USE"; an empty string removes it. Owners and
 * editors only (briefing:edit).
 */
export const setBriefingClassification = defineAction(
  {
    schema: classificationSchema,
    permission: (data) => ({ action: "briefing:edit", briefingId: data.briefingId }),
    revalidate: (data) => [`/briefings/${data.briefingId}`, `/briefings/${data.briefingId}/export`],
  },
  async ({ data, db }) => {
    await db.briefing.update({ where: { id: data.briefingId }, data: { classification: data.classification } });
    return { classification: data.classification };
  },
);
