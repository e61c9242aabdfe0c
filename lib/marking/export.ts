import type { JSONContent } from "@tiptap/core";
import { AppError } from "@/lib/errors";
import { authorityLines } from "./authority";
import { isRecipient } from "./compute";
import { filterForRelease, markingOf, withPortionLabels } from "./document";
import type { BriefingMarking } from "./queries";

/** How a briefing's marking shapes one export. */
export type MarkingExportOptions = {
  /** A country or group code: only the portions releasable to it are exported. */
  releaseTo?: string;
  /** Refuse (409) while a portion is unmarked under a profile that requires marks (downloads do). */
  enforce?: boolean;
};

/** The document as exported: content with portion marks printed, the banner line, lines before the text. */
export type MarkedContent = { json: JSONContent; banner: string; preface: string[] };

/**
 * Applies a briefing's marking to its content for export: with no profile, the legacy free-text
 * marking is the banner and nothing else changes. With one: the release filter (when asked), the
 * banner computed from the portions that remain, "(S)" prefixes, the authority block (when the
 * profile uses one and the level is above the lowest) and the withheld-portions notice.
 */
export function applyMarking(
  marking: BriefingMarking,
  json: JSONContent,
  options: MarkingExportOptions = {},
): MarkedContent {
  const { profile } = marking;
  if (!profile) {
    if (options.releaseTo) {
      throw new AppError("unprocessable", "Choose a marking profile before exporting for release.", {
        releaseTo: ["The briefing has no marking profile."],
      });
    }
    return { json, banner: marking.legacy, preface: [] };
  }
  if (options.enforce) {
    const { unmarked } = markingOf(profile, json);
    if (unmarked.length > 0) {
      const list = unmarked.slice(0, 10).join("; ");
      const more = unmarked.length > 10 ? `; and ${unmarked.length - 10} more` : "";
      throw new AppError(
        "conflict",
        `${profile.name} requires a mark on every portion; ${unmarked.length} unmarked: ${list}${more}.`,
        { unmarked },
      );
    }
  }
  let content = json;
  const preface: string[] = [];
  if (options.releaseTo) {
    if (!isRecipient(profile, options.releaseTo)) {
      throw new AppError(
        "unprocessable",
        `releaseTo: ${options.releaseTo} is not a country or group of ${profile.name}.`,
        {
          releaseTo: ["Unknown recipient for this profile."],
        },
      );
    }
    const filtered = filterForRelease(profile, json, options.releaseTo);
    content = filtered.doc;
    const name =
      profile.release?.countries.find((c) => c.code === options.releaseTo)?.name ??
      profile.release?.groups.find((g) => g.code === options.releaseTo)?.name ??
      options.releaseTo;
    preface.push(
      `Release copy for ${name} (${options.releaseTo}): ${filtered.withheld} portion${filtered.withheld === 1 ? " was" : "s were"} withheld as not releasable.`,
    );
  }
  const computed = markingOf(profile, content);
  if (profile.authorityBlock && computed.level.code !== profile.levels[0]?.code) {
    preface.unshift(...authorityLines(marking.authority));
  }
  return { json: withPortionLabels(profile, content), banner: computed.banner, preface };
}
