// PUT /api/openings/{id}/chat: the opening's channel for chat notices (recruiters, admins;
// docs/decisions/073-chat-notices.md), { kind: "slack" | "teams", url }; DELETE removes it.
import { userOrThrow } from "@/lib/auth";
import { setOpeningChat } from "@/lib/data/chat-settings";
import { anyJson, handle, readJson } from "@/lib/http";

type Ctx = { params: Promise<{ id: string }> };

export async function PUT(req: Request, { params }: Ctx) {
  return handle(req, async () => {
    const viewer = await userOrThrow();
    return setOpeningChat(viewer, (await params).id, await readJson(req, anyJson), { requestUrl: req.url });
  });
}

export async function DELETE(req: Request, { params }: Ctx) {
  return handle(req, async () => setOpeningChat(await userOrThrow(), (await params).id, null));
}
