import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiExportScorecards } from "@/lib/data/ats-export";

export const GET = v1<typeof ops.exportScorecards, { id: string }>(
  ops.exportScorecards,
  async ({ user, params, query }) => apiExportScorecards(user, params.id, query.format),
);
