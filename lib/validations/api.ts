// Admin forms for API tokens and webhook endpoints (docs/decisions/007-api-tokens-and-webhooks.md),
// shared by forms and route handlers.
import { z } from "zod";
import { textField } from "./fields";

export const API_TOKEN_MAX_DAYS = 366;

export const apiTokenCreateSchema = z.object({
  userId: textField().min(1, "Choose whose permissions the token carries").max(64),
  name: textField().trim().min(3, "Name the token after what uses it (at least 3 characters)").max(100),
  /** days until it expires; empty = never */
  expiresInDays: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : v),
    z.coerce
      .number("Enter a number of days")
      .int("Whole days")
      .min(1, "At least 1 day")
      .max(API_TOKEN_MAX_DAYS, `At most ${API_TOKEN_MAX_DAYS} days`)
      .optional(),
  ),
});
export type ApiTokenCreateInput = z.input<typeof apiTokenCreateSchema>;

export const WEBHOOK_EVENTS = ["scorecard.submitted", "decision.recorded"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const webhookCreateSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => {
      try {
        const p = new URL(u);
        return p.protocol === "https:" || p.protocol === "http:";
      } catch {
        return false;
      }
    }, "Enter an http:// or https:// URL"),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "Choose at least one event"),
});
export type WebhookCreateInput = z.input<typeof webhookCreateSchema>;
