import type { Metadata } from "next";
import { ConfirmDelete } from "@/components/admin/token-forms";
import { WebhookCreateForm } from "@/components/admin/webhook-form";
import { WebhookTestButton } from "@/components/admin/webhook-test-button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth";
import { listWebhooks } from "@/lib/data/webhooks";
import { ScrollTable } from "@/components/ui/scroll-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Webhooks" };

const when = (d: Date | null) => (d ? `${d.toISOString().replace("T", " ").slice(0, 16)} UTC` : "—");
const STATUS: Record<string, string> = { delivered: "Delivered", pending: "Retrying", failed: "Gave up" };
// a destination on a private network is refused before anything is sent (docs/decisions/017)
const statusOf = (d: { event: string; status: string; lastError: string | null }) =>
  d.status === "failed" && d.lastError?.startsWith("refused: ")
    ? "Refused"
    : d.status === "failed" && d.event === "ping"
      ? "Failed (test, not retried)"
      : (STATUS[d.status] ?? d.status);

export default async function WebhooksPage() {
  const admin = await requireRole(["admin"], "/admin/webhooks");
  const hooks = await listWebhooks(admin);
  return (
    <>
      <PageHeader title="Webhooks" />
      <p className="mt-1 text-sm text-slate-700">
        Other systems hear about submitted scorecards and recorded decisions as they happen: a signed POST with ids and
        outcomes (no evidence text). Failed deliveries are retried with growing delays, six attempts in all. Redirects
        are not followed, and a URL whose host resolves to a loopback or private network address is refused unless the
        server&apos;s allow-list names it. <strong>Send a test event</strong> posts a signed <code>ping</code> at once
        and shows the answer; <strong>Turn off</strong> stops deliveries and keeps the history here;{" "}
        <strong>Delete</strong> stops them and removes the webhook from this page (the audit log keeps the record).
      </p>
      <div className="mt-4">
        <WebhookCreateForm />
      </div>
      {hooks.length ? (
        <ul className="mt-6 space-y-4" aria-label="Webhooks">
          {hooks.map((h) => (
            <li key={h.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="break-all text-sm">
                  <span className="font-medium">{h.url}</span> · {h.events.split(",").join(", ")} ·{" "}
                  {h.active ? "on" : "off"}
                </p>
                <div className="flex flex-wrap items-center gap-2">
                  {h.active ? <WebhookTestButton id={h.id} url={h.url} /> : null}
                  {h.active ? (
                    <ConfirmDelete
                      url={`/api/admin/webhooks/${h.id}`}
                      name={h.url}
                      verb="Turn off"
                      doing="Turning off…"
                    />
                  ) : null}
                  <ConfirmDelete
                    url={`/api/admin/webhooks/${h.id}/delete`}
                    method="POST"
                    name={h.url}
                    verb="Delete"
                    doing="Deleting…"
                  />
                </div>
              </div>
              {h.deliveries.length ? (
                <ScrollTable
                  label={`Recent deliveries to ${h.url}`}
                  className="mt-3"
                  frame={null}
                  tableClassName="w-full text-left text-xs"
                  caption={<>Recent deliveries to {h.url}</>}
                  headClassName="text-slate-700"
                  columnClassName="py-1 pr-3"
                  columns={["Event", "Queued", "Status", "Attempts", "Last answer", "Next attempt"]}
                >
                  <tbody className="divide-y divide-slate-100">
                    {h.deliveries.map((d) => (
                      <tr key={d.id}>
                        <td className="py-1 pr-3 font-mono">{d.event}</td>
                        <td className="py-1 pr-3">{when(d.createdAt)}</td>
                        <td className="py-1 pr-3">{statusOf(d)}</td>
                        <td className="py-1 pr-3">{d.attempts}</td>
                        <td className="py-1 pr-3">
                          {d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : "—")}
                        </td>
                        <td className="py-1 pr-3">{d.status === "pending" ? when(d.nextAttemptAt) : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </ScrollTable>
              ) : (
                <p className="mt-2 text-xs text-slate-700">
                  No deliveries yet: they appear here when a scorecard is submitted or a decision recorded.
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState className="mt-6">No webhooks yet. Add your ATS or chat tool&apos;s URL above.</EmptyState>
      )}
    </>
  );
}
