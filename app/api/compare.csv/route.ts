import { route } from "@/lib/api/route";
import { compareCsv } from "@/lib/matrix/service";

export const dynamic = "force-dynamic";

/** GET /api/compare.csv?frameworks=a,b,c[&dimensions=k1,k2][&transpose=1] */
export const GET = route({ auth: "public" }, async ({ request, db }) => {
  const { csv, fileName } = await compareCsv(db, new URL(request.url).searchParams);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
