import Link from "next/link";
import { Fragment } from "react";

type Crumb = { href: string; label: React.ReactNode };

/** The way back up: each earlier page as a link, "›" between them. */
export function Breadcrumb({ trail }: { trail: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
      {trail.map((c, i) => (
        <Fragment key={c.href}>
          {i > 0 ? " › " : null}
          <Link href={c.href} className="underline">
            {c.label}
          </Link>
        </Fragment>
      ))}
    </nav>
  );
}

/**
 * A page's heading: the breadcrumb (if any), the h1, what sits under it (passed as is, so each
 * page keeps its own line), and actions to the right of the heading (links or buttons).
 */
export function PageHeader({
  trail,
  title,
  children,
  actions,
}: {
  trail?: Crumb[];
  title: React.ReactNode;
  children?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  const top = trail ? "mt-2 " : "";
  return (
    <>
      {trail ? <Breadcrumb trail={trail} /> : null}
      {actions ? (
        <div className={`${top}flex flex-wrap items-start justify-between gap-3`}>
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
            {children}
          </div>
          <div className="flex flex-wrap gap-2">{actions}</div>
        </div>
      ) : (
        <>
          <h1 className={`${top}text-2xl font-semibold tracking-tight`}>{title}</h1>
          {children}
        </>
      )}
    </>
  );
}
