"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { templateKindLabel, templateKinds } from "@/lib/templates/template-kinds";
import { Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Badge, Card, EmptyState } from "../ui/card";
import { SelectField, TextField } from "../ui/field";
import { Pagination } from "../ui/pagination";
import { Table, Td, Th } from "../ui/table";
import { AddLanguageForm } from "./add-language-form";

/** Every template by name, kind and language, with its live version; search, filter, a page at a time. */
export function TemplatesBrowser() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState("");
  const [page, setPage] = useState(1);
  const deferredSearch = useDeferredValue(search);
  const list = useQuery(trpc.templates.list.queryOptions({ search: deferredSearch || undefined, channelKind: (kind || undefined) as (typeof templateKinds)[number] | undefined, page, pageSize: 25 }));
  const filtered = Boolean(deferredSearch || kind);

  if (list.data && list.data.total === 0 && !filtered) {
    return (
      <EmptyState title="No templates yet">
        Orderbell creates the order confirmation for every channel kind in English, Spanish, French, German and Japanese when it
        starts. Restart the app to create them; until then, messages use the built-in wording.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-6">
      <Card>
        <div className="grid gap-3 border-b border-gray-200 p-4 sm:grid-cols-2">
          <TextField label="Search templates" type="search" placeholder="Name or language (es, fr-FR…)" value={search} onChange={(event) => { setSearch(event.target.value); setPage(1); }} />
          <SelectField
            label="Channel kind"
            value={kind}
            onChange={(event) => { setKind(event.target.value); setPage(1); }}
            options={[{ value: "", label: "Every kind" }, ...templateKinds.map((value) => ({ value, label: templateKindLabel[value] }))]}
          />
        </div>
        {list.isError ? (
          <p className="p-4 text-sm text-red-600">{errorDetails(list.error).message}</p>
        ) : !list.data ? (
          <p className="p-4 text-sm text-gray-500">Loading templates…</p>
        ) : list.data.items.length === 0 ? (
          <p className="p-6 text-center text-sm text-gray-600">No template matches. Try part of the name, or a language code such as es or ja.</p>
        ) : (
          <>
            <Table label="Templates">
              <thead className="bg-gray-50">
                <tr>
                  <Th>Name</Th>
                  <Th>Channel kind</Th>
                  <Th>Language</Th>
                  <Th>Live version</Th>
                  <Th>Updated</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {list.data.items.map((template) => (
                  <tr key={template.id} data-testid={`template-row-${template.channelKind}-${template.locale}`}>
                    <Td>
                      <Link href={`/templates/${template.id}`} className="font-medium text-indigo-700 hover:text-indigo-500" aria-label={`Edit ${template.name}, ${templateKindLabel[template.channelKind]}, ${template.locale}`}>
                        {template.name}
                      </Link>
                    </Td>
                    <Td>{templateKindLabel[template.channelKind]}</Td>
                    <Td>{template.locale}</Td>
                    <Td>
                      {template.liveVersion === null ? <Badge tone="amber">None live</Badge> : <span>{`v${template.liveVersion}`}</span>}
                      <span className="text-gray-500">{` of ${template.versionCount}`}</span>
                      {template.draftVersion !== null ? (
                        <span className="ml-2">
                          <Badge tone="indigo">{`v${template.draftVersion} not live`}</Badge>
                        </span>
                      ) : null}
                    </Td>
                    <Td>
                      <Time value={template.updatedAt} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination page={list.data.page} pageCount={list.data.pageCount} total={list.data.total} onPage={setPage} noun="templates" />
          </>
        )}
      </Card>
      <AddLanguageForm />
    </div>
  );
}
