import Link from "next/link";

export default function NotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-700">There is nothing at this address.</p>
      <Link href="/" className="mt-4 inline-block text-indigo-700 underline">
        Back to the role templates
      </Link>
    </div>
  );
}
