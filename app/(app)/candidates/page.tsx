import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth";
import { findCandidates } from "@/lib/data/openings";
import { searchQuerySchema } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Find a candidate" };

export default async function FindCandidatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole(["recruiter", "admin"], "/candidates");
  const raw = (await searchParams).q;
  const parsed = searchQuerySchema.safeParse({ q: (Array.isArray(raw) ? raw[0] : raw) ?? "" });
  // a query the database cannot take (a NUL) is a message next to the box, not a failed page
  const problem = parsed.success ? null : parsed.error.issues[0].message;
  const q = parsed.success ? parsed.data.q : "";
  const results = q ? await findCandidates(user, q) : [];
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Find a candidate</h1>
      <form method="get" action="/candidates" role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">Name or e-mail</span>
          <input
            name="q"
            type="search"
            defaultValue={q}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "q-error" : undefined}
            className="w-72 max-w-full rounded-md border border-slate-400 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800"
        >
          Search
        </button>
      </form>
      {problem ? (
        <p id="q-error" role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      ) : null}
      {q ? (
        results.length ? (
          <ul
            className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
            aria-label="Candidates found"
          >
            {results.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <span>
                  <Link href={`/candidates/${c.id}`} className="font-medium text-indigo-700 underline">
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
