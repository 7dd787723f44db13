import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { myOutcomes } from "@/lib/data/decision-feedback";

export const GET = v1(ops.listMyOutcomes, async ({ user }) => myOutcomes(user));
