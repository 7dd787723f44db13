// npm run backup [-- --out FILE]       back up the configured database (DATABASE_URL)
// npm run restore -- FILE [--force]    restore a backup into the configured database
// README "Backup and restore".
import { fail, requireDatabase } from "./cli";
import path from "node:path";
import { backup, defaultBackupFile, restore } from "../lib/backup";
import { resolveDatabase } from "../lib/database-url";

const [command, ...args] = process.argv.slice(2);
const target = resolveDatabase(process.env.DATABASE_URL, process.cwd());
const flag = (name: string) => args.includes(name);
const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

try {
  if (command === "backup") {
    await requireDatabase(process.env.DATABASE_URL);
    const file = path.resolve(value("--out") ?? defaultBackupFile(target, "backups"));
    await backup(target, file);
    console.log(`backed up ${target.kind === "sqlite" ? target.file : "the PostgreSQL database"} to ${file}`);
  } else if (command === "restore") {
    const file = args.find((a) => !a.startsWith("--"));
    if (!file) throw new Error("usage: npm run restore -- FILE [--force]");
    // a backup may be restored where there is no database yet: only the server must answer
    await requireDatabase(process.env.DATABASE_URL, { migrated: false });
    await restore(target, path.resolve(file), { force: flag("--force") });
    console.log(`restored ${file}`);
  } else {
    throw new Error("usage: tsx scripts/backup.ts backup [--out FILE] | restore FILE [--force]");
  }
} catch (error) {
  fail(error);
}
