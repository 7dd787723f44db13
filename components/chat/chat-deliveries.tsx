// The latest chat notices to one destination, as the reminder worker recorded them
// (docs/decisions/073-chat-notices.md): what, when, the outcome, attempts and the last answer.
import type { ChatDeliveryRow } from "@/lib/data/chat-settings";

const EVENT: Record<string, string> = {
  reminder: "Reminder",
  submitted: "Scorecard submitted",
  debrief: "Ready for debrief",
  decision: "Decision recorded",
};
const STATUS: Record<string, string> = {
  pending: "Waiting",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  skipped: "Not sent",
  abandoned: "Abandoned",
};

export function ChatDeliveries({ rows }: { rows: ChatDeliveryRow[] }) {
  if (!rows.length) return <p className="text-sm text-slate-700">No chat notices yet.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Latest chat notices</caption>
      <thead className="text-slate-700">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            Notice
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Queued
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Outcome
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-200 align-top">
            <td className="py-1 pr-3">{EVENT[r.event] ?? r.event}</td>
            <td className="py-1 pr-3">
              <time dateTime={r.createdAt.toISOString()}>
                {r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </time>
            </td>
            <td className="py-1 pr-3">
              {STATUS[r.status] ?? r.status}
              {r.attempts > 1 ? ` after ${r.attempts} attempts` : ""}
              {r.lastStatusCode ? ` · HTTP ${r.lastStatusCode}` : ""}
              {r.status !== "sent" && r.lastError ? ` · ${r.lastError}` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
