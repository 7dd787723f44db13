import type { Metadata } from "next";
import Link from "next/link";
import { RecommendationBadge } from "@/components/candidates/recommendation-badge";
import { CandidateForm } from "@/components/hiring/candidate-form";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth";
import { listOpeningCandidates } from "@/lib/data/candidates";
import { newerVersionOf } from "@/lib/data/hiring";
import { canSetUpHiring, HIDDEN_UNTIL_SUBMITTED } from "@/lib/domain/permissions";
import { defaultDirection, type CandidateListQuery } from "@/lib/domain/candidate-list";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS } from "@/lib/domain/scoring";
import { orNotFound } from "@/lib/not-found";
import { parseCandidateListQuery } from "@/lib/validations/candidate-list";

export const metadata: Metadata = { title: "Candidates" };

type Search = Record<string, string | string[] | undefined>;

function queryString(q: CandidateListQuery, change: Partial<CandidateListQuery> = {}) {
  const next = { ...q, ...change };
  const p = new URLSearchParams();
  p.set("sort", next.sort);
  if (next.dir) p.set("dir", next.dir);
  if (next.rec) p.set("rec", next.rec);
  if (next.flag) p.set("flag", next.flag);
  if (next.missing) p.set("missing", "1");
  return p.toString();
}

function SortHeader({
  label,
  sortKey,
  q,
  base,
  className = "",
}: {
  label: string;
  sortKey: CandidateListQuery["sort"];
  q: CandidateListQuery;
  base: string;
  className?: string;
}) {
  const active = q.sort === sortKey;
  const dir = q.dir ?? defaultDirection(q.sort);
  const nextDir = active ? (dir === "asc" ? "desc" : "asc") : defaultDirection(sortKey);
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
      className={`px-3 py-2 font-semibold ${className}`}
    >
      <Link
        href={`${base}?${queryString(q, { sort: sortKey, dir: nextDir })}`}
        className="underline decoration-slate-400 hover:text-slate-900"
      >
        {label}
        {active ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

const field = "rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

// An opening's candidates for recruiters, admins and its hiring manager (issue 4): sortable,
// filterable by recommendation, flag and missing feedback; the same list as CSV.
const PAGE_SIZE = 50;

export default async function OpeningCandidatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}) {
  const { id } = await params;
  const base = `/openings/${id}`;
  const user = await requireUser(base);
  const sp = await searchParams;
  const q = parseCandidateListQuery(sp);
  const list = await orNotFound(listOpeningCandidates(user, id, q));
  const { opening } = list;
  // long lists are shown a page at a time (sorted and filtered over all of them); the CSV has all
  const pages = Math.max(1, Math.ceil(list.candidates.length / PAGE_SIZE));
  const pageNo = Math.min(pages, Math.max(1, Number(Array.isArray(sp.page) ? sp.page[0] : sp.page) || 1));
  const candidates = list.candidates.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE);
  const pageHref = (n: number) => `${base}?${[queryString(q), n > 1 ? `page=${n}` : ""].filter(Boolean).join("&")}`;
  const filtered = !!(q.rec || q.flag || q.missing);
  const hidden = list.hidden;
  const setUp = canSetUpHiring(user.roles);
  const newer = setUp ? await newerVersionOf(id) : null;
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/openings" className="underline hover:text-slate-900">
          Openings
        </Link>
      </nav>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{opening.title}</h1>
          <p className="text-sm text-slate-700">
            <Link href={`/roles/${opening.role.slug}?version=${opening.role.version}`} className="underline">
              {opening.role.title} v{opening.role.version}
            </Link>{" "}
            · hiring manager {opening.hiringManager.name} · recruiter {opening.recruiter.name} · {opening.status}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {setUp ? (
            <Link
              href={`${base}/edit`}
              className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Edit opening
            </Link>
          ) : null}
          <Link
            href={`${base}/compare`}
            className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800"
          >
            Compare candidates
          </Link>
          <a
            href={`/api/openings/${id}/candidates.csv?${queryString(q)}`}
            download
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Download this list (CSV)
          </a>
        </div>
      </div>

      {/* keyed by the query: the uncontrolled fields must show the filters in force after a link changes them */}
      {newer ? (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          The role has a newer version (v{newer}). This opening stays on v{opening.role.version} until you{" "}
          <Link href={`${base}/move`} className="font-medium underline">
            review the changes and move it
          </Link>
          .
        </p>
      ) : null}
      {setUp && opening.status !== "closed" ? (
        <div className="mt-5">
          <CandidateForm openingId={id} />
        </div>
      ) : null}

      <form
        key={queryString(q)}
        method="get"
        action={base}
        className="mt-5 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
        aria-label="Filter candidates"
      >
        <input type="hidden" name="sort" value={q.sort} />
        {q.dir ? <input type="hidden" name="dir" value={q.dir} /> : null}
        <label className="text-sm">
          <span className="block font-medium">Recommendation</span>
          <select name="rec" defaultValue={q.rec ?? ""} className={field}>
            <option value="">Any</option>
            {[...RECOMMENDATIONS].reverse().map((r) => (
              <option key={r} value={r}>
                {RECOMMENDATION_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Flags</span>
          <select name="flag" defaultValue={q.flag ?? ""} className={field}>
            <option value="">Any</option>
            <option value="red-flag">Red flag raised</option>
            <option value="split">Split panel</option>
            <option value="any">Red flag or split</option>
          </select>
        </label>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" name="missing" value="1" defaultChecked={q.missing} className="h-4 w-4" />
          Feedback missing
        </label>
        <button
          type="submit"
          className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800"
        >
          Apply
        </button>
        {filtered ? (
          <Link
            href={`${base}?${queryString({ sort: q.sort, dir: q.dir, missing: false })}`}
            className="pb-1.5 text-sm underline"
          >
            Clear filters
          </Link>
        ) : null}
      </form>

      <p className="mt-3 text-sm text-slate-700" role="status">
        {filtered
          ? `${candidates.length} of ${list.total} candidates match.`
          : `${list.total} candidate${list.total === 1 ? "" : "s"}.`}
        {q.sort === "score" ? " Equal scores: higher coverage first, then the candidate added first." : ""}
      </p>
      {hidden ? (
        <p
          className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
          data-testid="feedback-hidden-note"
        >
          Others&apos; feedback on {hidden === 1 ? "1 candidate" : `${hidden} candidates`} stays hidden until you submit
          your own scorecard for them (independent ratings first). They are listed last when sorting by score or
          recommendation, and no filter on scores or flags includes them.
        </p>
      ) : null}
      {candidates.length === 0 ? (
        <p className="mt-2 rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
          {filtered
            ? "No candidate matches these filters. Clear them to see everyone."
            : "No candidates in this opening yet. Add a candidate and plan their interview loop to start collecting scorecards."}
        </p>
      ) : (
        <div
          className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white"
          tabIndex={0}
          role="region"
          aria-label="Candidates (scrolls sideways on small screens)"
        >
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">Candidates in {opening.title}; column headers sort the list</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <SortHeader label="Candidate" sortKey="name" q={q} base={base} />
                <SortHeader label="Stage" sortKey="stage" q={q} base={base} />
                <SortHeader label="Loop" sortKey="progress" q={q} base={base} />
                <SortHeader label="Score" sortKey="score" q={q} base={base} className="text-right" />
                <SortHeader label="Recommendation" sortKey="recommendation" q={q} base={base} />
                <th scope="col" className="px-3 py-2 font-semibold">
                  Flags
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {candidates.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/candidates/${c.id}`} className="text-indigo-700 hover:underline">
                      {c.name}
                    </Link>
                    {setUp ? (
                      <Link
                        href={`/candidates/${c.id}/loop`}
                        className="ml-2 text-xs font-normal text-slate-700 underline"
                      >
                        loop<span className="sr-only"> of {c.name}</span>
                      </Link>
                    ) : null}
                  </th>
                  <td className="px-3 py-2">{c.stage}</td>
                  <td className="px-3 py-2">
                    <span className="tabular-nums">
                      {c.loop.submitted}/{c.loop.planned}
                    </span>{" "}
                    submitted
                    {c.loop.missing ? (
                      <span className="block text-xs text-amber-900">
                        {c.loop.missing} missing{c.loop.overdue ? `, ${c.loop.overdue} overdue` : ""}
                      </span>
                    ) : null}
                  </td>
                  {c.score ? (
                    <>
                      <td className="px-3 py-2 text-right tabular-nums">
                        {c.display.score}
                        <span className="block text-xs text-slate-600">{c.display.coverage} covered</span>
                      </td>
                      <td className="px-3 py-2">
                        <RecommendationBadge value={c.score.recommendation} />
                      </td>
                      <td className="px-3 py-2">
                        <span className="flex flex-wrap gap-1">
                          {c.score.redFlags.length ? <Badge tone="danger">Red flag</Badge> : null}
                          {c.score.split.isSplit ? <Badge tone="warn">Split panel</Badge> : null}
                          {!c.score.redFlags.length && !c.score.split.isSplit ? (
                            <span className="text-slate-600">—</span>
                          ) : null}
                        </span>
                      </td>
                    </>
                  ) : (
                    // independent ratings first: the viewer's own scorecard on this candidate is owed
                    <td colSpan={3} className="px-3 py-2 text-slate-700" data-testid="feedback-hidden">
                      {HIDDEN_UNTIL_SUBMITTED} —{" "}
                      <Link href={`/interviews/${c.withheld?.interviewId}`} className="text-indigo-700 underline">
                        your scorecard<span className="sr-only"> for {c.name}</span>
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav
          aria-label="Pages of candidates"
          className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm"
        >
          {pageNo > 1 ? (
            <Link href={pageHref(pageNo - 1)} className="underline">
              ← Previous {PAGE_SIZE}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-700">
            Candidates {(pageNo - 1) * PAGE_SIZE + 1}–{(pageNo - 1) * PAGE_SIZE + candidates.length} of{" "}
            {list.candidates.length} · page {pageNo} of {pages}
          </span>
          {pageNo < pages ? (
            <Link href={pageHref(pageNo + 1)} className="underline">
              Next {PAGE_SIZE} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
