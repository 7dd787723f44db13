// The validated environment: the only module that reads process.env (app code and CLI scripts
// alike). A bad value fails fast with the variable's name. Every variable is in .env.example.
import { z } from "zod";
import { resolveDatabase } from "./database-url";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().trim().optional(),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
});

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return { ...parsed.data, database: resolveDatabase(parsed.data.DATABASE_URL, process.cwd()) };
}

export const env = load();
