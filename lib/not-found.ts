import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/**
 * A page's data, or Next's not-found page when the data layer says there is nothing the viewer
 * may see: a missing id and a forbidden one look the same (docs/product.md, Visibility and independence).
 */
export function orNotFound<T>(load: Promise<T>): Promise<T> {
  return load.catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
}
