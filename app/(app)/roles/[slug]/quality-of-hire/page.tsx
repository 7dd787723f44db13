import type { Metadata } from "next";
import Link from "next/link";
import { QualityOfHirePeriod } from "@/components/roles/quality-of-hire-period";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { getQualityOfHire } from "@/lib/data/quality-of-hire";
import { isAdmin } from "@/lib/domain/permissions";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Quality of hire" };

// A role's quality-of-hire report (docs/decisions/079-quality-of-hire.md; README "Quality of hire"):
// who sees it follows the calibration page (admins and recruiters every opening, a hiring manager
// their own); anyone else gets the not-found page, as the CSV and the API answer 404.
export default async function QualityOfHirePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/roles/${slug}/quality-of-hire`);
  const q = await orNotFound(getQualityOfHire(user, slug));
  return (
    <>
      <PageHeader
        trail={[
          { href: "/roles", label: "Role templates" },
          { href: `/roles/${slug}`, label: q.role.title },
        ]}
        title={<>Quality of hire: {q.role.title}</>}
      />
      <p className="mt-2 max-w-prose text-sm text-slate-700">
        How the interview scores of this role&apos;s hires relate to their hiring managers&apos; check-ins:
        Pearson&apos;s r per dimension with its 95% interval, shown from {q.minPairs} hires rated on both sides.
        Dimensions are those of version {q.role.version}, matched by name across versions.
      </p>
      <p
        role="note"
        className="mt-3 max-w-prose rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800"
      >
        <span className="font-semibold">Range restriction. </span>
        {q.warning}
      </p>
      <p className="mt-3 text-sm">
        <a href={`/api/roles/${encodeURIComponent(slug)}/quality-of-hire.csv`} className="text-indigo-700 underline">
          Download as CSV
        </a>
        {" · "}
        <Link href={`/roles/${slug}`} className="text-indigo-700 underline">
          The role template
        </Link>
      </p>
      {q.periods.map((p) => (
        <QualityOfHirePeriod
          key={p.periodDays}
          slug={slug}
          period={p}
          canApply={isAdmin(user.roles)}
          minPairs={q.minPairs}
        />
      ))}
    </>
  );
}
