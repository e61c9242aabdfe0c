import "server-only";
import type { Db } from "@/lib/db";

/** Every account, oldest first, with what the administration page shows and changes. */
export function listUsersForAdmin(db: Db) {
  return db.user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      isAdmin: true,
      catalogEditor: true,
      createdAt: true,
    },
    orderBy: { createdAt: "asc" },
  });
}
