// PUT /api/interviews/{id}: change a planned interview; DELETE cancels it (recruiters, admins).
import { userOrThrow } from "@/lib/auth";
import { cancelInterview, updateInterview } from "@/lib/data/loops";
import { anyJson, handle, readJson } from "@/lib/http";

export async function PUT(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => updateInterview(await userOrThrow(), (await params).id, await readJson(req, anyJson)));
}

export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => cancelInterview(await userOrThrow(), (await params).id));
}
