/** The dashed box that stands where a list or a chart would be when there is nothing to show. */
export function EmptyState({
  className,
  as: Tag = "p",
  children,
}: {
  className?: string;
  as?: "p" | "div";
  children: React.ReactNode;
}) {
  return (
    <Tag
      className={`${className ? `${className} ` : ""}rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700`}
    >
      {children}
    </Tag>
  );
}
