// GET /api/roles/{slug}/quality-of-hire.csv: the role's quality-of-hire report (same scope as the page).
import { userOrThrow } from "@/lib/auth";
import { csvFileName, csvResponse, toCsv } from "@/lib/csv";
import { getQualityOfHire } from "@/lib/data/quality-of-hire";
import { QUALITY_OF_HIRE_CSV_HEADER, qualityOfHireCsvRows } from "@/lib/domain/quality-of-hire-csv";
import { handleRaw } from "@/lib/http";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleRaw(req, async () => {
    const { slug } = await params;
    const q = await getQualityOfHire(await userOrThrow(), slug);
    return csvResponse(
      toCsv(QUALITY_OF_HIRE_CSV_HEADER, qualityOfHireCsvRows(q.periods)),
      csvFileName("quality-of-hire", slug),
    );
  });
}
