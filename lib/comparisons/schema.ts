import { z } from "zod";
import { parseViewState } from "@/lib/matrix/parse-view-state";
import { hasSelection, serializeViewState } from "@/lib/matrix/view-state";

/** The name of a saved comparison. */
export const comparisonNameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(120, "must be at most 120 characters");

/**
 * The view state of a saved comparison: the /compare query string. It must parse without any
 * notice and select something; it is stored in canonical form, so equal views store equal text.
 */
export const comparisonStateSchema = z
  .string()
  .max(8000, "is too long")
  .transform((text, ctx) => {
    const { state, notices } = parseViewState(text);
    for (const notice of notices) ctx.addIssue({ code: "custom", message: notice.message });
    if (!hasSelection(state)) ctx.addIssue({ code: "custom", message: "must select at least one framework" });
    return notices.length || !hasSelection(state) ? z.NEVER : serializeViewState(state);
  });

export const savedComparisonInputSchema = z.object({
  name: comparisonNameSchema,
  state: comparisonStateSchema,
});

export type SavedComparisonInput = z.input<typeof savedComparisonInputSchema>;
