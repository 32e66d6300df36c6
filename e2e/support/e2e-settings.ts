/** Where the e2e app runs and the admin it starts with. Shared by the config, the server and the specs. */
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const e2eBaseUrl = `http://localhost:${e2ePort}`;
export const e2eAdmin = { email: "admin@e2e.example", password: "e2e-admin-password-1234" };
export const e2eCronSecret = "e2e-cron-secret-0123456789abcdef";
