import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { setMyChat } from "@/lib/data/chat-settings";

export const PUT = v1(ops.setMyChat, async ({ user, body, req }) => setMyChat(user, body, { requestUrl: req.url }));
export const DELETE = v1(ops.removeMyChat, async ({ user }) => setMyChat(user, null));
