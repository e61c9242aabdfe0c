import { apiRoute } from "@/lib/api/handler";
import { compareCsv } from "@/lib/matrix/service";

export const dynamic = "force-dynamic";

/** GET /api/v1/compare.csv?frameworks=a,b[&dimensions=k1,k2][&transpose=1] — the comparison as CSV. */
export const GET = apiRoute(async ({ request, db }) => {
  const { csv, fileName } = await compareCsv(db, new URL(request.url).searchParams);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
