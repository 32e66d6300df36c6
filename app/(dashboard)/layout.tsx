import type { ReactNode } from "react";
import { DashboardShell } from "@/components/shell/dashboard-shell";
import { StoreDisplayProvider } from "@/components/shell/store-display";
import { AppTRPCProvider } from "@/components/trpc/trpc-provider";
import { requirePageUser } from "@/server/auth/page-guard";
import { getDb } from "@/server/database";
import { getStore } from "@/server/settings/store-settings";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const store = await getStore(await getDb());
  return (
    <AppTRPCProvider>
      <StoreDisplayProvider value={{ name: store.name, timezone: store.timezone, locale: store.defaultLocale, currency: store.currency }}>
        <DashboardShell user={user} storeName={store.name}>
          {children}
        </DashboardShell>
      </StoreDisplayProvider>
    </AppTRPCProvider>
  );
}
