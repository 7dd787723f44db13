import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // lib/data is marked server-only for Next; in tests it is plain server code
  "server-only": path.resolve(import.meta.dirname, "tests/setup/empty.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          // pure code: one module graph for all files in a worker; with a fresh one per file the
          // imports took three times the tests' own time (docs/decisions/066)
          isolate: false,
          include: ["lib/**/*.test.ts", "seed/**/*.test.ts", "components/**/*.test.ts", "tests/unit/**/*.test.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/file-db.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
