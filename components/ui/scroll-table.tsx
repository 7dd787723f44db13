const box = "rounded-lg border border-slate-200 bg-white";

/**
 * A table in a region that scrolls sideways on a narrow screen instead of widening the page. The
 * region is focusable and named, so keyboard users can reach it and scroll it with the arrow keys.
 * The header row is `columns` (plain `<th scope="col">` cells, each with `columnClassName`) or, when
 * its cells differ, `head` as written; the children are the body (and footer) of the table.
 */
export function ScrollTable({
  label,
  className,
  frame = box,
  tableClassName = "w-full text-left text-sm",
  caption,
  captionClassName = "sr-only",
  headClassName = "border-b border-slate-200 bg-slate-50 text-slate-700",
  head,
  columns,
  columnClassName = "px-3 py-2",
  children,
}: {
  label: string;
  className?: string;
  frame?: string | null;
  tableClassName?: string;
  caption?: React.ReactNode;
  captionClassName?: string;
  headClassName?: string;
  head?: React.ReactNode;
  columns?: readonly React.ReactNode[];
  columnClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <div
      className={[className, "overflow-x-auto", frame].filter(Boolean).join(" ")}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table className={tableClassName}>
        {caption !== undefined ? <caption className={captionClassName}>{caption}</caption> : null}
        <thead className={headClassName}>
          <tr>
            {head ??
              columns?.map((c, i) => (
                <th key={i} scope="col" className={columnClassName}>
                  {c}
                </th>
              ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
