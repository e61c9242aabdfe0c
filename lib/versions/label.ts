import { displayDateTime } from "@/lib/export/text";

/** How a version is called on exports, share links and in restore names: its name, else its time. */
export function versionLabel(version: { name: string | null; createdAt: Date | string }): string {
  const time = displayDateTime(new Date(version.createdAt));
  return version.name ? `“${version.name}”, ${time}` : time;
}
