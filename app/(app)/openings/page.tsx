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

export default async function OpeningsPage() {
  const user = await requireUser("/openings");
  if (candidateScope(user.roles) === "none") notFound();
  const openings = await listOpenings(user);
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
      <p className="mt-1 text-sm text-slate-700">
        {candidateScope(user.roles) === "all" ? "Every opening." : "The openings you manage as hiring manager."}
      </p>
      {openings.length === 0 ? (
        <EmptyState className="mt-4">
          No openings yet. An admin or recruiter creates an opening for a role template; its candidates then appear
          here.
        </EmptyState>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
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
              <p className="text-sm text-slate-700">
                {o._count.candidates} candidate{o._count.candidates === 1 ? "" : "s"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
