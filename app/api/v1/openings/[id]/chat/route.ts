import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { setOpeningChat } from "@/lib/data/chat-settings";

export const PUT = v1<typeof ops.setOpeningChat, { id: string }>(
  ops.setOpeningChat,
  async ({ user, params, body, req }) => setOpeningChat(user, params.id, body, { requestUrl: req.url }),
);
export const DELETE = v1<typeof ops.removeOpeningChat, { id: string }>(
  ops.removeOpeningChat,
  async ({ user, params }) => setOpeningChat(user, params.id, null),
);
