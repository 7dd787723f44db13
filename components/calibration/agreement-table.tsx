// Per role, each dimension's inter-rater agreement (ICC(1)) with Koo & Li's label and how many
// candidates it rests on; a bar on the 0–1 scale with the label bands marked behind it.
import type { RoleAgreement } from "@/lib/data/calibration";
import type { AgreementLabel } from "@/lib/domain/calibration";
import { Badge } from "@/components/ui/badge";
import { ScrollTable } from "@/components/ui/scroll-table";

const LABELS: Record<AgreementLabel, { text: string; tone: "danger" | "warn" | "good" | "info" }> = {
  poor: { text: "Poor", tone: "danger" },
  moderate: { text: "Moderate", tone: "warn" },
  good: { text: "Good", tone: "good" },
  excellent: { text: "Excellent", tone: "info" },
};

function IccBar({ icc }: { icc: number }) {
  const w = 140;
  const h = 12;
  const x = (v: number) => Math.max(0, Math.min(1, v)) * w;
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" className="inline-block align-middle">
      <rect x={0} y={0} width={w} height={h} fill="#f1f5f9" />
      {[0.5, 0.75, 0.9].map((t) => (
        <line key={t} x1={x(t)} x2={x(t)} y1={0} y2={h} stroke="#94a3b8" strokeDasharray="2 2" />
      ))}
      <rect x={0} y={2} width={x(icc)} height={h - 4} fill="#4338ca" />
    </svg>
  );
}

export function AgreementTable({ role, minCandidates }: { role: RoleAgreement; minCandidates: number }) {
  return (
    <ScrollTable
      label={`Agreement for ${role.title} (scrolls sideways on small screens)`}
      tableClassName="w-full min-w-[36rem] text-left text-sm"
      caption={role.title}
      captionClassName="px-3 pt-2 text-left font-semibold text-slate-900"
      head={
        <>
          <th scope="col" className="px-3 py-2 font-semibold">
            Dimension
          </th>
          <th scope="col" className="px-3 py-2 text-right font-semibold">
            ICC(1)
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            <span className="sr-only">Bar, </span>0 to 1
          </th>
          <th scope="col" className="px-3 py-2 font-semibold">
            Agreement
          </th>
          <th scope="col" className="px-3 py-2 text-right font-semibold">
            Candidates
          </th>
          <th scope="col" className="px-3 py-2 text-right font-semibold">
            Ratings
          </th>
        </>
      }
    >
      <tbody className="divide-y divide-slate-100">
        {role.dimensions.map(({ key, name, agreement: a }) => (
          <tr key={key}>
            <th scope="row" className="px-3 py-1.5 font-medium">
              {name}
            </th>
            <td className="px-3 py-1.5 text-right tabular-nums">{a.icc === null ? "—" : a.icc.toFixed(2)}</td>
            <td className="px-3 py-1.5">{a.icc === null ? null : <IccBar icc={a.icc} />}</td>
            <td className="px-3 py-1.5">
              {a.label ? (
                <Badge tone={LABELS[a.label].tone}>{LABELS[a.label].text}</Badge>
              ) : (
                <span className="text-slate-700">
                  {a.candidates < minCandidates
                    ? `Too few: needs ${minCandidates} candidates rated by two or more`
                    : "Not measurable: all ratings identical"}
                </span>
              )}
            </td>
            <td className="px-3 py-1.5 text-right tabular-nums">{a.candidates}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{a.ratings}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
