import type { Metadata } from "next";
import Link from "next/link";
import { CandidateForm } from "@/components/hiring/candidate-form";
import { queryString } from "@/components/hiring/candidate-query";
import { CandidateTable } from "@/components/hiring/candidate-table";
import { RemindEveryoneButton } from "@/components/candidates/remind-button";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { requireUser } from "@/lib/auth";
import { CANDIDATE_PAGE_SIZE, listOpeningCandidates } from "@/lib/data/candidate-list";
import { lastRemindedOnOpening } from "@/lib/data/manual-reminders";
import { newerVersionOf } from "@/lib/data/openings";
import { canSetUpHiring } from "@/lib/domain/permissions";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS } from "@/lib/domain/scoring";
import { orNotFound } from "@/lib/not-found";
import { parseCandidateListQuery } from "@/lib/validations/candidate-list";

export const metadata: Metadata = { title: "Candidates" };

type Search = Record<string, string | string[] | undefined>;

// An opening's candidates for recruiters, admins and its hiring manager
// (docs/decisions/004-scoring.md, 009-candidate-list-score-cache.md): sortable, filterable by
// recommendation, flag and missing feedback, applied as chosen (docs/decisions/053-lists-that-apply-as-you-choose.md);
// the same list as CSV.
const PAGE_SIZE = CANDIDATE_PAGE_SIZE;
const FLAG_OPTIONS = [
  { value: "", label: "Any" },
  { value: "red-flag", label: "Red flag raised" },
  { value: "split", label: "Split panel" },
  { value: "any", label: "Red flag or split" },
];

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
  // long lists are shown a page at a time, filtered, sorted and paged by the database
  // (docs/decisions/062-candidate-list-in-sql.md); the CSV has every matching row
  const asked = Math.max(1, Math.floor(Number(Array.isArray(sp.page) ? sp.page[0] : sp.page)) || 1);
  let list = await orNotFound(listOpeningCandidates(user, id, { ...q, page: asked }));
  const pages = Math.max(1, Math.ceil(list.matched / PAGE_SIZE));
  // a page past the end (the list shrank, or a filter left fewer rows) shows the last one
  if (asked > pages) list = await orNotFound(listOpeningCandidates(user, id, { ...q, page: pages }));
  const pageNo = list.page;
  const { opening, candidates } = list;
  const pageHref = (n: number) => `${base}?${[queryString(q), n > 1 ? `page=${n}` : ""].filter(Boolean).join("&")}`;
  const filtered = !!(q.rec || q.flag || q.missing);
  const hidden = list.hidden;
  const setUp = canSetUpHiring(user.roles);
  const newer = setUp ? await newerVersionOf(id) : null;
  // "last reminded" beside each row's Remind (docs/decisions/049-manual-reminders.md)
  const reminded = setUp ? await lastRemindedOnOpening(user, id) : new Map<string, Date>();
  return (
    <>
      <PageHeader
        trail={[{ href: "/openings", label: "Openings" }]}
        title={opening.title}
        actions={
          <>
            {setUp ? (
              <Link href={`${base}/edit`} className={buttonClass("secondary")}>
                Edit opening
              </Link>
            ) : null}
            {setUp ? (
              <Link href={`${base}/import`} className={buttonClass("secondary")}>
                Import candidates (CSV)
              </Link>
            ) : null}
            {setUp ? <RemindEveryoneButton target={{ openingId: id }} label="Remind everyone owing" /> : null}
            <Link href={`${base}/compare`} className={buttonClass("primarySmall")}>
              Compare candidates
            </Link>
            <a
              href={`/api/openings/${id}/candidates.csv?${queryString(q)}`}
              download
              className={buttonClass("secondary")}
            >
              Download this list (CSV)
            </a>
          </>
        }
      >
        <p className="text-sm text-slate-700">
          <Link href={`/roles/${opening.role.slug}?version=${opening.role.version}`} className="underline">
            {opening.role.title} v{opening.role.version}
          </Link>{" "}
          · hiring manager {opening.hiringManager.name} · recruiter {opening.recruiter.name} · {opening.status}
        </p>
      </PageHeader>

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
          <CandidateForm openingId={id} startOpen={list.total === 0} />
        </div>
      ) : null}

      <FilterBar
        query={queryString(q)}
        action={base}
        label="Filter candidates"
        clear={
          filtered
            ? { href: `${base}?${queryString({ sort: q.sort, dir: q.dir, missing: false })}`, label: "Clear filters" }
            : null
        }
      >
        <input type="hidden" name="sort" value={q.sort} />
        {q.dir ? <input type="hidden" name="dir" value={q.dir} /> : null}
        <FilterSelect
          label="Recommendation"
          name="rec"
          defaultValue={q.rec ?? ""}
          options={[
            { value: "", label: "Any" },
            ...[...RECOMMENDATIONS].reverse().map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] })),
          ]}
        />
        <FilterSelect label="Flags" name="flag" defaultValue={q.flag ?? ""} options={FLAG_OPTIONS} />
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" name="missing" value="1" defaultChecked={q.missing} className="h-4 w-4" />
          Feedback missing
        </label>
      </FilterBar>

      <p className="mt-3 text-sm text-slate-700" role="status">
        {filtered
          ? `${list.matched} of ${list.total} candidates match.`
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
        <EmptyState className="mt-2">
          {filtered
            ? "No candidate matches these filters. Clear them to see everyone."
            : "No candidates in this opening yet. Add a candidate and plan their interview loop to start collecting scorecards."}
        </EmptyState>
      ) : (
        <CandidateTable
          candidates={candidates}
          q={q}
          base={base}
          title={opening.title}
          setUp={setUp}
          reminded={reminded}
        />
      )}
      {pages > 1 ? (
        <Pager
          label="Pages of candidates"
          prev={pageNo > 1 ? { href: pageHref(pageNo - 1), label: `← Previous ${PAGE_SIZE}` } : null}
          next={pageNo < pages ? { href: pageHref(pageNo + 1), label: `Next ${PAGE_SIZE} →` } : null}
        >
          Candidates {(pageNo - 1) * PAGE_SIZE + 1}–{(pageNo - 1) * PAGE_SIZE + candidates.length} of {list.matched} ·
          page {pageNo} of {pages}
        </Pager>
      ) : null}
    </>
  );
}
