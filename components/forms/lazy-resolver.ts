"use client";

import { useCallback, useEffect } from "react";
import type { FieldValues, Resolver } from "react-hook-form";

type Schema = import("zod/v4/core").$ZodType;

/**
 * A react-hook-form resolver for a zod schema that is loaded when the form first validates, or
 * when the browser is idle, rather than with the page: validation code was a quarter of the
 * scorecard page's first-load JavaScript (docs/decisions/010-page-weight-and-render-cost.md). The
 * schema is still the one the server parses every write with. `load` must be stable (useCallback).
 */
export function useLazyZodResolver<T extends FieldValues>(load: () => Promise<Schema>): Resolver<T> {
  useEffect(() => {
    const warm = () => void Promise.all([import("@hookform/resolvers/zod"), load()]);
    if ("requestIdleCallback" in window) {
      const handle = window.requestIdleCallback(warm, { timeout: 5000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(warm, 2000);
    return () => clearTimeout(timer);
  }, [load]);
  return useCallback<Resolver<T>>(
    async (values, context, options) => {
      const [{ zodResolver }, schema] = await Promise.all([import("@hookform/resolvers/zod"), load()]);
      return (zodResolver(schema as import("zod/v4/core").$ZodType<T, T>) as unknown as Resolver<T>)(
        values,
        context,
        options,
      );
    },
    [load],
  );
}
