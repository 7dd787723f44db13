import Link from "next/link";

/** Previous / where you are / next, for a list shown a page at a time; rendered only with pages. */
export function Pager({
  label,
  prev,
  next,
  children,
}: {
  label: string;
  prev: { href: string; label: string } | null;
  next: { href: string; label: string } | null;
  children: React.ReactNode;
}) {
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      {prev ? (
        <Link href={prev.href} className="underline">
          {prev.label}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-700">{children}</span>
      {next ? (
        <Link href={next.href} className="underline">
          {next.label}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
