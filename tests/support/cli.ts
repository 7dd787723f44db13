// Runs the project's own CLI scripts (as npm would) against the test file's database.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export function runScript(script: string, args: string[] = [], input?: string) {
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", script, ...args],
    {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: "" },
      encoding: "utf8",
      input,
      timeout: 120_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
