import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering (docs/decisions/020-layering-enforced.md): the database client and the generated
// Prisma clients only from lib/data; components take the data layer's types, never its values
// (what they show comes from the page or a route handler).
const database = [
  {
    regex: "(^|/)lib/db$|^(\\.\\.?/)+db$",
    message: "The database client is used only in lib/data: add or use a function there.",
  },
  {
    regex: "(^|/)generated(/|$)",
    message: "The generated Prisma clients are used only in lib/data (and lib/db.ts).",
  },
];
const dataValues = {
  regex: "(^|/)lib/data(/|$)",
  allowTypeImports: true,
  message: "Components import only types from lib/data: the page or a route handler loads the data.",
};

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/data/**", "lib/db.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: database }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...database, dataValues] }] },
  },
];

export default config;
