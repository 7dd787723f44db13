import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DimensionList } from "@/components/roles/dimension-list";
import { ExerciseList } from "@/components/roles/exercise-list";
import { RoleSummary } from "@/components/roles/role-summary";
import { VersionNote } from "@/components/roles/version-note";
import { Section } from "@/components/ui/section";
import { TextList } from "@/components/ui/text-list";
import { getCurrentUser, requireUser } from "@/lib/auth";
import { candidateScope, isAdmin } from "@/lib/domain/permissions";
import { redFlagRuleText } from "@/lib/domain/red-flag-cap";
import { getRoleTemplate, toRoleTemplateJson } from "@/lib/data/role-templates";
import { buttonClass } from "@/components/ui/button";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ version?: string }> };

async function load({ params, searchParams }: Props) {
  const [{ slug }, { version }] = await Promise.all([params, searchParams]);
  const wanted = version && /^\d{1,6}$/.test(version) ? Number(version) : undefined;
  return getRoleTemplate(slug, wanted);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  if (!(await getCurrentUser())) return {};
  const found = await load(props);
  return { title: found?.version.title ?? "Role not found" };
}

export default async function RolePage(props: Props) {
  const user = await requireUser(`/roles/${(await props.params).slug}`);
  const found = await load(props);
  if (!found) notFound();
  const { version: v, versions, current } = found;
  const role = toRoleTemplateJson(v);
  const equalDefault = v.dimensions.some((d) => d.weightOrigin === "equal-default");
  const t = role.thresholds;

  return (
    <article>
      <p className="text-sm">
        <Link href="/roles" className="text-indigo-700 underline underline-offset-2">
          Role templates
        </Link>{" "}
        / {v.title}
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">{v.title}</h1>
      <p className="mt-1 text-sm text-slate-600">
        Version {v.version}
        {v.version === current ? " (current)" : ` (current is version ${current})`}
        {v.source ? (
          <>
            {" "}
            · drawn from blueprint <code className="font-mono">{v.source}</code>
          </>
        ) : null}
      </p>
      <div className="mt-1">
        <VersionNote v={v} />
      </div>
      <div className="mt-2 flex flex-wrap gap-2 text-sm">
        {isAdmin(user.roles) ? (
          <Link href={`/roles/${v.template.slug}/edit`} className={buttonClass("primarySmall")}>
            Edit (saves version {versions[0].version + 1})
          </Link>
        ) : null}
        {candidateScope(user.roles) !== "none" ? (
          <Link href={`/roles/${v.template.slug}/quality-of-hire`} className={buttonClass("secondary")}>
            Quality of hire
          </Link>
        ) : null}
        {versions.length > 1 ? (
          <Link
            href={`/roles/${v.template.slug}/diff?from=${v.version > 1 ? v.version - 1 : 1}&to=${v.version > 1 ? v.version : 2}`}
            className={buttonClass("secondary")}
          >
            What changed between versions
          </Link>
        ) : null}
      </div>
      {versions.length > 1 ? (
        <nav aria-label="Versions" className="mt-2 flex flex-wrap gap-2 text-sm">
          {versions.map((x) => (
            <Link
              key={x.version}
              href={`/roles/${v.template.slug}?version=${x.version}`}
              aria-current={x.version === v.version ? "page" : undefined}
              className="rounded border border-slate-300 px-2 py-0.5 aria-[current=page]:bg-indigo-700 aria-[current=page]:text-white"
            >
              v{x.version}
            </Link>
          ))}
        </nav>
      ) : null}

      {role.summary.rolePurpose ? <p className="mt-4 max-w-3xl text-slate-800">{role.summary.rolePurpose}</p> : null}
      <nav aria-label="On this page" className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {[
          ["dimensions", "Dimensions"],
          ["exercises", "Exercises"],
          ["red-flags", "Red flags"],
          ["strong-signals", "Signals"],
          ["assess", "What to assess"],
          ["thresholds", "Recommendation rules"],
          ["summary", "Role summary"],
        ].map(([id, label]) => (
          <a key={id} href={`#${id}-heading`} className="text-indigo-700 underline-offset-2 hover:underline">
            {label}
          </a>
        ))}
      </nav>

      <Section
        id="dimensions"
        title={`Scorecard dimensions (${v.dimensions.length})`}
        description="Interviewers rate each dimension 1 Strong concern · 2 Below bar · 3 Meets bar · 4 Exceeds bar · 5 Exceptional, or Not assessed. Anchors are labelled as the blueprint labels them."
      >
        {equalDefault ? (
          <p role="note" className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            The source blueprint gives no weights for this role, so the app splits them equally (
            {role.dimensions.length} dimensions). This is a default chosen by the app, not by the source; an admin can
            change it.
          </p>
        ) : null}
        <DimensionList dimensions={v.dimensions} />
      </Section>

      <Section id="exercises" title={`Case exercises (${v.exercises.length})`}>
        <ExerciseList slug={v.template.slug} exercises={v.exercises} />
      </Section>

      <Section
        id="red-flags"
        title={`Red flags (${role.redFlags.length})`}
        description="Any red flag observed on a submitted scorecard makes the recommendation No hire (red flag)."
      >
        <TextList items={role.redFlags} empty="No red flags recorded for this role." />
      </Section>

      <div className="grid gap-x-8 sm:grid-cols-2">
        <Section id="strong-signals" title={`Strong signals (${role.strongSignals.length})`}>
          <TextList items={role.strongSignals} empty="None recorded." />
        </Section>
        <Section id="weak-signals" title={`Weak signals (${role.weakSignals.length})`}>
          <TextList items={role.weakSignals} empty="None recorded." />
        </Section>
      </div>

      <Section id="assess" title={`What to assess in interviews (${role.assessAreas.length})`}>
        <dl className="space-y-2">
          {role.assessAreas.map((a, i) => (
            <div key={i} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
              <dt className="font-medium">{a.name}</dt>
              <dd className="text-slate-800">{a.detail}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="thresholds" title="Recommendation rules for this role">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
          <li>Coverage under {Math.round(t.minCoverage * 100)}% of the weight → Insufficient evidence</li>
          <li>{redFlagRuleText(t.redFlagMinInterviewers)}</li>
          <li>
            Weighted score ≥ {t.strongHireMin.toFixed(2)} → Strong hire; ≥ {t.hireMin.toFixed(2)} → Hire; ≥{" "}
            {t.leanNoHireMin.toFixed(2)} → Lean no hire; otherwise No hire
          </li>
          <li>
            Split panel when a dimension&apos;s ratings differ by {t.splitSpreadMin} or more, or the panel holds both
            Strong yes and Strong no
          </li>
        </ul>
      </Section>
      <Section
        id="summary"
        title="Role summary"
        description="Section 20 of the blueprint: the final role scorecard summary."
      >
        <RoleSummary summary={role.summary} />
      </Section>
    </article>
  );
}
