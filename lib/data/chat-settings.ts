import "server-only";
import { db } from "../db";
import { chatUrlProblem, isChatKind, maskChatUrl } from "../domain/chat-notices";
import { parseAllowHosts } from "../domain/outbound-address";
import type { Viewer } from "../domain/permissions";
import { env } from "../env";
import { NotFoundError, parseInput, ValidationError } from "../errors";
import { chatSettingSchema, type ChatSettingView } from "../validations/chat";
import { audit } from "./audit";
import { assertCanSetUp } from "./openings";
import { ownOrigins } from "./webhooks";

// Where chat notices go (docs/decisions/073-chat-notices.md): a person's own incoming-webhook URL
// (set by that person only: there is no user id to pass) and an opening's channel (set by whoever
// sets openings up: recruiters and admins). The URL is a secret: it is stored, but only its host
// and last four characters are ever shown back or written to the audit log.

export type ChatTarget = { kind: string | null; url: string | null };

export const chatView = (t: ChatTarget): ChatSettingView =>
  t.url && isChatKind(t.kind) ? { kind: t.kind, destination: maskChatUrl(t.url) } : { kind: null, destination: null };

/** The request's URL (the app's own origin is refused) and the allow-list (default WEBHOOK_ALLOW_HOSTS). */
export type ChatSetOptions = { requestUrl?: string; allowHosts?: string | readonly string[] };

/** The shape, then the address rules; a problem is a 422 next to the field and nothing is stored. */
function parseTarget(input: unknown, opts: ChatSetOptions) {
  const v = parseInput(chatSettingSchema, input);
  const allow = parseAllowHosts(opts.allowHosts ?? env.WEBHOOK_ALLOW_HOSTS);
  const problem = chatUrlProblem(v.url, ownOrigins(opts.requestUrl), allow);
  if (problem) throw new ValidationError("Some answers need attention.", { url: [problem] });
  return v;
}

const select = { chatKind: true, chatUrl: true } as const;
const asTarget = (r: { chatKind: string | null; chatUrl: string | null }): ChatTarget => ({
  kind: r.chatKind,
  url: r.chatUrl,
});

export async function getMyChat(viewer: { id: string }): Promise<ChatSettingView> {
  const u = await db.user.findUnique({ where: { id: viewer.id }, select });
  if (!u) throw new NotFoundError("User not found.");
  return chatView(asTarget(u));
}

/** Sets (input) or removes (null) the signed-in person's own chat URL. */
export async function setMyChat(
  viewer: { id: string },
  input: unknown,
  opts: ChatSetOptions = {},
): Promise<ChatSettingView> {
  const v = input === null ? null : parseTarget(input, opts);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: viewer.id }, select });
    if (!before) throw new NotFoundError("User not found.");
    const after = await tx.user.update({
      where: { id: viewer.id },
      data: { chatKind: v?.kind ?? null, chatUrl: v?.url ?? null },
      select,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "user.chat_changed",
      entityType: "User",
      entityId: viewer.id,
      before: chatView(asTarget(before)),
      after: chatView(asTarget(after)),
    });
    return chatView(asTarget(after));
  });
}

export async function getOpeningChat(viewer: Viewer, openingId: string): Promise<ChatSettingView> {
  assertCanSetUp(viewer);
  const o = await db.opening.findUnique({ where: { id: openingId }, select });
  if (!o) throw new NotFoundError("Opening not found.");
  return chatView(asTarget(o));
}

/** Sets (input) or removes (null) an opening's channel URL (recruiters, admins). */
export async function setOpeningChat(
  viewer: Viewer,
  openingId: string,
  input: unknown,
  opts: ChatSetOptions = {},
): Promise<ChatSettingView> {
  assertCanSetUp(viewer);
  const v = input === null ? null : parseTarget(input, opts);
  return db.$transaction(async (tx) => {
    const before = await tx.opening.findUnique({ where: { id: openingId }, select });
    if (!before) throw new NotFoundError("Opening not found.");
    const after = await tx.opening.update({
      where: { id: openingId },
      data: { chatKind: v?.kind ?? null, chatUrl: v?.url ?? null },
      select,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "opening.chat_changed",
      entityType: "Opening",
      entityId: openingId,
      before: chatView(asTarget(before)),
      after: chatView(asTarget(after)),
    });
    return chatView(asTarget(after));
  });
}

export type ChatDeliveryRow = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

const deliverySelect = {
  id: true,
  key: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
} as const;

const asDelivery = ({ key, ...r }: { key: string } & Omit<ChatDeliveryRow, "event">): ChatDeliveryRow => ({
  ...r,
  event: key.split(":")[1] ?? "",
});

/** The person's own latest chat notices (Settings), as the worker recorded them. */
export async function myChatDeliveries(viewer: { id: string }, take = 10): Promise<ChatDeliveryRow[]> {
  const rows = await db.reminder.findMany({
    where: { userId: viewer.id, kind: "chat", key: { startsWith: `chat:reminder:user:${viewer.id}:` } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: deliverySelect,
  });
  return rows.map(asDelivery);
}

/** An opening's latest channel notices (Edit opening; recruiters, admins). */
export async function openingChatDeliveries(viewer: Viewer, openingId: string, take = 10): Promise<ChatDeliveryRow[]> {
  assertCanSetUp(viewer);
  const rows = await db.reminder.findMany({
    where: {
      kind: "chat",
      OR: (["submitted", "debrief", "decision"] as const).map((e) => ({
        key: { startsWith: `chat:${e}:opening:${openingId}:` },
      })),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: deliverySelect,
  });
  return rows.map(asDelivery);
}
