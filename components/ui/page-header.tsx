import Link from "next/link";
import { Fragment } from "react";

type Crumb = { href: string; label: React.ReactNode };

/** The way back up: each earlier page as a link, "›" between them. */
export function Breadcrumb({
  trail,
  hover = false,
  className,
}: {
  trail: Crumb[];
  hover?: boolean;
  className?: string;
}) {
  return (
    <nav aria-label="Breadcrumb" className={`text-sm text-slate-700${className ? ` ${className}` : ""}`}>
      {trail.map((c, i) => (
        <Fragment key={c.href}>
          {i > 0 ? " › " : null}
          <Link href={c.href} className={hover ? "underline hover:text-slate-900" : "underline"}>
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
 * `hover` darkens the breadcrumb's links under the pointer; `screenOnly` leaves the breadcrumb and
 * the actions out of print (a printable handout).
 */
export function PageHeader({
  trail,
  title,
  children,
  actions,
  hover,
  screenOnly = false,
}: {
  trail?: Crumb[];
  title: React.ReactNode;
  children?: React.ReactNode;
  actions?: React.ReactNode;
  hover?: boolean;
  screenOnly?: boolean;
}) {
  const top = trail ? "mt-2 " : "";
  const print = screenOnly ? "print:hidden" : undefined;
  return (
    <>
      {trail ? <Breadcrumb trail={trail} hover={hover} className={print} /> : null}
      {actions ? (
        <div className={`${top}flex flex-wrap items-start justify-between gap-3`}>
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
            {children}
          </div>
          <div className={`flex flex-wrap gap-2${print ? ` ${print}` : ""}`}>{actions}</div>
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
