// The chat apps a notice can go to and the longest URL accepted (docs/decisions/073-chat-notices.md):
// apart from lib/domain/chat-notices.ts, which needs node:net, because the settings form's schema
// (lib/validations/chat.ts) runs in the browser too.
export const CHAT_KINDS = ["slack", "teams"] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];
export const isChatKind = (k: unknown): k is ChatKind => CHAT_KINDS.includes(k as ChatKind);
export const CHAT_URL_MAX = 2000;
