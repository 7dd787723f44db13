// The signed-in person's private calendar feed (docs/decisions/069-calendar-invites-and-feed.md):
// GET whether it is on; POST makes a new address (shown in this answer only; an earlier one
// stops working); DELETE turns it off. Same-origin, session only.
import { userOrThrow } from "@/lib/auth";
import { calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from "@/lib/data/calendar";
import { handle } from "@/lib/http";

export async function GET(req: Request) {
  return handle(req, async () => calendarFeedStatus(await userOrThrow()));
}

export async function POST(req: Request) {
  return handle(req, async () => createCalendarFeed(await userOrThrow()));
}

export async function DELETE(req: Request) {
  return handle(req, async () => revokeCalendarFeed(await userOrThrow()));
}
