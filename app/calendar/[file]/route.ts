// GET /calendar/<secret>.ics: a person's private, read-only feed of their own interviews
// (docs/decisions/069-calendar-invites-and-feed.md). The secret in the address is the whole
// credential, so anything but a live one — malformed, replaced, revoked, or its owner
// deactivated — is the same 404, and the answer is never cached or indexed.
import { calendarFeedFor } from "@/lib/data/calendar";
import { feedSecretOf } from "@/lib/domain/calendar";
import { handleRaw } from "@/lib/http";
import { NotFoundError } from "@/lib/errors";

const privateHeaders = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
};

export async function GET(req: Request, ctx: { params: Promise<{ file: string }> }) {
  return handleRaw(req, async () => {
    const secret = feedSecretOf((await ctx.params).file);
    const ics = secret ? await calendarFeedFor(secret) : null;
    if (ics === null) throw new NotFoundError("No calendar here.");
    return new Response(ics, {
      headers: {
        ...privateHeaders,
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="interviews.ics"',
      },
    });
  });
}
