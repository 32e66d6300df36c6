-- Trigram indexes for partial name and email search (customers_*_trgm_idx). PGlite loads the extension's
-- code when the database is opened (db/client.ts); on PostgreSQL it ships with the server's contrib package.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
