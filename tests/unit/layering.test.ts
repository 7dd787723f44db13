import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layering is kept by ESLint (eslint.config.mjs, docs/decisions/020-layering-enforced.md):
// these cases lint a line as if it were in the named file and read which rule answered.
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [x];\n`, { filePath });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

// ESLint loads its config and the TypeScript parser on the first lint: seconds on a busy machine
describe("layering rules", { timeout: 60_000 }, () => {
  it.each([
    ["components/scorecard/new.tsx", 'import { db as x } from "@/lib/db";'],
    ["app/(app)/new/page.tsx", 'import { db as x } from "@/lib/db";'],
    ["lib/api/new.ts", 'import { db as x } from "../db";'],
    ["lib/new.ts", 'import { db as x } from "./db";'],
    ["lib/domain/new.ts", 'import { PrismaClient as x } from "../generated/sqlite/client";'],
    ["components/new.tsx", 'import { getLoop as x } from "@/lib/data/loops";'],
  ])("%s may not say %s", async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  it.each([
    ["lib/data/new.ts", 'import { db as x } from "../db";'],
    ["lib/data/new.ts", 'import { PrismaClient as x } from "../generated/sqlite/client";'],
    ["components/new.tsx", 'import type { Viewer as x } from "@/lib/data/scope";'],
    ["app/(app)/new/page.tsx", 'import { getLoop as x } from "@/lib/data/loops";'],
    ["lib/api/new.ts", 'import { audit as x } from "../data/audit";'],
  ])("%s may say %s", async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
