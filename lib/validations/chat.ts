// Where a person's own chat notices, or an opening's channel notices, go
// (docs/decisions/073-chat-notices.md): shared by the settings forms, the app's routes and
// /api/v1. The address rules (https, not private, not the app itself) need the install's
// allow-list, so lib/data/chat-settings.ts checks them after this shape.
import { z } from "zod";
import { CHAT_KINDS, CHAT_URL_MAX } from "../domain/chat-kinds";
import { textField } from "./fields";

export const chatSettingSchema = z.strictObject({
  kind: z.enum(CHAT_KINDS, { error: "Choose Slack or Microsoft Teams" }),
  url: textField()
    .trim()
    .min(1, { error: "Paste the incoming-webhook URL", abort: true })
    .max(CHAT_URL_MAX, { error: `At most ${CHAT_URL_MAX} characters`, abort: true }),
});
export type ChatSettingInput = z.input<typeof chatSettingSchema>;

/** What is shown back: the kind and the URL's host and last four characters, never the URL. */
export type ChatSettingView = { kind: "slack" | "teams" | null; destination: string | null };
