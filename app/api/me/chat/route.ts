// PUT /api/me/chat: the signed-in person's own chat notices (docs/decisions/073-chat-notices.md),
// { kind: "slack" | "teams", url }; DELETE removes it. Only ever the signed-in user's; the answer
// shows the URL's host and last four characters, never the URL. Invalid input is a 422 naming the field.
import { userOrThrow } from "@/lib/auth";
import { setMyChat } from "@/lib/data/chat-settings";
import { anyJson, handle, readJson } from "@/lib/http";

export async function PUT(req: Request) {
  return handle(req, async () => setMyChat(await userOrThrow(), await readJson(req, anyJson), { requestUrl: req.url }));
}

export async function DELETE(req: Request) {
  return handle(req, async () => setMyChat(await userOrThrow(), null));
}
