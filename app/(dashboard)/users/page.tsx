import type { Metadata } from "next";
import { UsersManager } from "@/components/users/users-manager";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Users" description="Staff who can sign in. Admins manage everything; managers run templates, flows and orders; support agents work on orders." />
      <UsersManager currentUserId={user.id} />
    </>
  );
}
