// Stands in for the `server-only` marker where no bundler resolves it (see vitest.config.ts).
export {};
