import { defineConfig } from 'drizzle-kit';

// drizzle-kit cannot open an encrypted file: it diffs the schema against its own snapshots only.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});
