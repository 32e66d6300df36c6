"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { type UserRole, roleLabels } from "@/lib/roles";
import { Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Badge, Card } from "../ui/card";
import { FormError, TextField } from "../ui/field";
import { Pagination } from "../ui/pagination";
import { Table, Td, Th } from "../ui/table";
import { CreateUserForm } from "./create-user-form";
import { OneTimePassword } from "./one-time-password";

const roleOptions = (Object.keys(roleLabels) as UserRole[]).map((role) => ({ value: role, label: roleLabels[role] }));

export function UsersManager({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const deferredSearch = useDeferredValue(search);
  const [notice, setNotice] = useState<{ email: string; password: string; what: string } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const list = useQuery(trpc.users.list.queryOptions({ search: deferredSearch || undefined, page, pageSize: 20 }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const onError = (error: unknown) => setActionError(errorDetails(error).message);
  const onDone = () => {
    setActionError(null);
    return invalidate();
  };

  const setRole = useMutation(trpc.users.setRole.mutationOptions({ onSuccess: onDone, onError }));
  const setDisabled = useMutation(trpc.users.setDisabled.mutationOptions({ onSuccess: onDone, onError }));
  const resetPassword = useMutation(trpc.users.resetPassword.mutationOptions({ onError }));

  return (
    <div className="space-y-6">
      <CreateUserForm
        onCreated={(email, generatedPassword) => {
          if (generatedPassword) setNotice({ email, password: generatedPassword, what: "created" });
          else setNotice(null);
          return invalidate();
        }}
      />
      {notice ? <OneTimePassword {...notice} onDismiss={() => setNotice(null)} /> : null}
      <Card>
        <div className="flex flex-col gap-3 border-b border-gray-200 p-4 sm:flex-row sm:items-end sm:justify-between">
          <h2 className="text-base font-semibold">Staff</h2>
          <div className="w-full sm:w-72">
            <TextField
              label="Search users"
              type="search"
              placeholder="Email or name"
              value={search}
              onChange={(event) => {
                setSearch(event.target.value);
                setPage(1);
              }}
            />
          </div>
        </div>
        <div className="px-4 pt-3">
          <FormError message={actionError} />
        </div>
        {list.isError ? (
          <p className="p-4 text-sm text-red-600">{errorDetails(list.error).message}</p>
        ) : list.data && list.data.items.length === 0 ? (
          <p className="p-6 text-center text-sm text-gray-600">
            {deferredSearch ? `No user matches “${deferredSearch}”. Try part of an email address or a name.` : "No users yet: add the first one above."}
          </p>
        ) : (
          <Table label="Users">
            <thead className="bg-gray-50">
              <tr>
                <Th>User</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th>Last sign-in</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {list.data?.items.map((user) => (
                <tr key={user.id} data-testid={`user-row-${user.email}`}>
                  <Td>
                    <div className="font-medium text-gray-900">{user.email}</div>
                    {user.name ? <div className="text-xs text-gray-500">{user.name}</div> : null}
                  </Td>
                  <Td>
                    <label className="sr-only" htmlFor={`role-${user.id}`}>
                      Role of {user.email}
                    </label>
                    <select
                      id={`role-${user.id}`}
                      value={user.role}
                      disabled={setRole.isPending}
                      onChange={(event) => setRole.mutate({ userId: user.id, role: event.target.value as UserRole })}
                      className="rounded-md border-0 py-1 pr-8 pl-2 text-sm ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-indigo-600"
                    >
                      {roleOptions.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </Td>
                  <Td>{user.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</Td>
                  <Td>
                    <Time value={user.lastSignInAt} />
                  </Td>
                  <Td className="text-right whitespace-nowrap">
                    <div className="flex justify-end gap-2">
                      <Button
                        size="sm"
                        variant="secondary"
                        busy={resetPassword.isPending && resetPassword.variables?.userId === user.id}
                        onClick={() => {
                          if (!window.confirm(`Reset the password of ${user.email}? They will be signed out everywhere.`)) return;
                          resetPassword.mutate(
                            { userId: user.id },
                            {
                              onSuccess: (result) => {
                                setActionError(null);
                                if (result.generatedPassword) setNotice({ email: user.email, password: result.generatedPassword, what: "reset" });
                              },
                            },
                          );
                        }}
                      >
                        Reset password
                      </Button>
                      {user.id === currentUserId ? null : (
                        <Button
                          size="sm"
                          variant={user.disabled ? "secondary" : "danger"}
                          onClick={() => setDisabled.mutate({ userId: user.id, disabled: !user.disabled })}
                        >
                          {user.disabled ? "Enable" : "Disable"}
                        </Button>
                      )}
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {list.data ? (
          <Pagination page={list.data.page} pageCount={list.data.pageCount} total={list.data.total} onPage={setPage} noun="users" />
        ) : (
          <p className="p-4 text-sm text-gray-500">Loading users…</p>
        )}
      </Card>
    </div>
  );
}
