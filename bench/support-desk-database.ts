/** The database the support-desk seed fills and the benchmark reads: `<DATABASE_URL's database>_desk`. */
export function deskDatabaseUrl(): string {
  const server = process.env.DATABASE_URL;
  if (!server?.startsWith("postgres")) throw new Error("Set DATABASE_URL to a PostgreSQL database: the support-desk seed and benchmark run on PostgreSQL only.");
  const url = new URL(server);
  url.pathname = `/${url.pathname.replace(/^\//, "") || "postgres"}_desk`;
  return url.toString();
}

export function serverUrl(): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = "/postgres";
  return url.toString();
}
