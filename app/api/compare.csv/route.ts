import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/errors";
import { compareCsv } from "@/lib/matrix/service";

export const dynamic = "force-dynamic";

/** GET /api/compare.csv?frameworks=a,b,c[&dimensions=k1,k2][&transpose=1] */
export async function GET(request: Request) {
  try {
    const { csv, fileName } = await compareCsv(getDb(), new URL(request.url).searchParams);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
