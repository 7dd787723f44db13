import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth";
import { findCandidates } from "@/lib/data/openings";
import { summaryHref } from "@/lib/domain/summary-trail";
import { readSearchQuery, SearchForm } from "@/components/ui/search-form";

export const metadata: Metadata = { title: "Find a candidate" };

export default async function FindCandidatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole(["recruiter", "admin"], "/candidates");
  const { q, problem } = readSearchQuery((await searchParams).q);
  const results = q ? await findCandidates(user, q) : [];
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Find a candidate</h1>
      <SearchForm action="/candidates" q={q} problem={problem} />
      {q ? (
        results.length ? (
          <ul
            className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
            aria-label="Candidates found"
          >
            {results.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <span>
                  <Link href={summaryHref(c.id, "candidates")} className="font-medium text-indigo-700 underline">
                    {c.name}
                  </Link>{" "}
                  · {c.email} · {c.stage}
                </span>
                <span className="text-slate-700">
                  <Link href={`/openings/${c.opening.id}`} className="underline">
                    {c.opening.title}
                  </Link>{" "}
                  ·{" "}
                  <Link href={`/candidates/${c.id}/loop`} className="underline">
                    loop
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState className="mt-4">No candidate matches “{q}”. Check the spelling, or search by e-mail.</EmptyState>
        )
      ) : (
        <p className="mt-4 text-sm text-slate-700">Type at least two letters of a name or an e-mail address.</p>
      )}
    </>
  );
}
