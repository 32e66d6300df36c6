import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema with `npm run db:generate` and committed with their meta/.
// They are applied at server start (and by `npm run cli -- migrate`), never by drizzle-kit push.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
