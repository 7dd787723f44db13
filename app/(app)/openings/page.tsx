import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth";
import { listOpenings } from "@/lib/data/candidate-list";
import { canSetUpHiring, candidateScope } from "@/lib/domain/permissions";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Openings" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// The landing page of recruiters, hiring managers and admins (app/(app)/page.tsx): a hiring
// manager's candidates awaiting their decision first, then every opening, open before closed, with
// what needs chasing (docs/decisions/053-lists-that-apply-as-you-choose.md).
export default async function OpeningsPage() {
  const user = await requireUser("/openings");
  if (candidateScope(user.roles) === "none") notFound();
  const openings = await listOpenings(user);
  const awaiting = openings
    .filter((o) => o.hiringManagerId === user.id)
    .flatMap((o) => o.awaiting.map((c) => ({ ...c, opening: o.title })));
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Openings</h1>
        {canSetUpHiring(user.roles) ? (
          <Link href="/openings/new" className={buttonClass("primarySmall")}>
            New opening
          </Link>
        ) : null}
      </div>
      {awaiting.length ? (
        <section
          aria-labelledby="awaiting-heading"
          className="mt-4 rounded-lg border border-indigo-200 bg-indigo-50 p-4"
          data-testid="awaiting-decision"
        >
          <h2 id="awaiting-heading" className="font-semibold">
            Awaiting your decision ({awaiting.length})
          </h2>
          <p className="text-sm text-slate-700">Every scorecard of their loop is in; no decision yet.</p>
          <ul className="mt-2 space-y-1 text-sm">
            {awaiting.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/candidates/${c.id}#decision`}
                  className="inline-block py-2 font-medium text-indigo-700 underline"
                >
                  {c.name}
                </Link>{" "}
                <span className="text-slate-700">· {c.opening}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mt-4 text-sm text-slate-700">
        {candidateScope(user.roles) === "all" ? "Every opening." : "The openings you manage as hiring manager."}
      </p>
      {openings.length === 0 ? (
        <EmptyState className="mt-4">
          No openings yet. An admin or recruiter creates an opening for a role template; its candidates then appear
          here.
        </EmptyState>
      ) : (
        <ul
          className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          aria-label="Openings"
        >
          {openings.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
              <div>
                <p className="font-semibold">
                  <Link href={`/openings/${o.id}`} className="text-indigo-700 hover:underline">
                    {o.title}
                  </Link>{" "}
                  <Badge tone={o.status === "open" ? "good" : "neutral"}>{o.status}</Badge>
                </p>
                <p className="text-sm text-slate-700">
                  {o.templateVersion.title} v{o.templateVersion.version} · hiring manager {o.hiringManager.name} ·
                  recruiter {o.recruiter.name}
                </p>
              </div>
              <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="opening-counts">
                {plural(o._count.candidates, "candidate")}
                {o.overdue ? <Badge tone="danger">{plural(o.overdue, "scorecard")} overdue</Badge> : null}
                {o.awaiting.length ? <Badge tone="info">{o.awaiting.length} awaiting a decision</Badge> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
