// GET /api/calibration.csv: the calibration page's per-interviewer table (same scope, same
// filters and order, passed as the page's query string).
import { userOrThrow } from "@/lib/auth";
import { csvFileName, csvResponse, toCsv } from "@/lib/csv";
import { getCalibration } from "@/lib/data/calibration";
import { calibrationCsvRows } from "@/lib/domain/calibration-csv";
import { sortInterviewers } from "@/lib/domain/calibration-stats";
import { handleRaw } from "@/lib/http";
import { calibrationFilters, parseCalibrationQuery } from "@/lib/validations/calibration";

export async function GET(req: Request) {
  return handleRaw(req, async () => {
    const q = parseCalibrationQuery(Object.fromEntries(new URL(req.url).searchParams));
    const data = await getCalibration(await userOrThrow(), calibrationFilters(q));
    const { header, body } = calibrationCsvRows(sortInterviewers(data.interviewers, q.sort, q.dir));
    const parts = [
      "interviewer-calibration",
      data.filters.roleSlug ?? "",
      data.filters.sinceDays ? `last-${data.filters.sinceDays}-days` : "",
    ];
    return csvResponse(toCsv(header, body), csvFileName(...parts));
  });
}
