"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { templateKindLabel } from "@/lib/templates/template-kinds";
import type { TemplateEditorData } from "@/server/templates/get-template-editor";
import { useStoreDisplay } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Badge, Card, PageHeader } from "../ui/card";
import { FormError, TextField } from "../ui/field";
import { useDebouncedValue } from "../ui/use-debounced-value";
import { SendTemplateTest } from "./send-template-test";
import { type Draft, type DraftPart, contentInput, draftOf, sameDraft } from "./template-draft";
import { TemplateFields } from "./template-fields";
import { TemplatePreviewPanel } from "./template-preview-panel";
import { TemplateVersions } from "./template-versions";
import { WhatsAppMappingEditor } from "./whatsapp-mapping-editor";

export function TemplateEditor({ templateId }: { templateId: string }) {
  const trpc = useTRPC();
  const editor = useQuery(trpc.templates.get.queryOptions({ templateId }));
  if (editor.isError) return <p className="text-sm text-red-600">{errorDetails(editor.error).message}</p>;
  if (!editor.data) return <p className="text-sm text-gray-500">Loading the template…</p>;
  return <LoadedEditor data={editor.data} />;
}

function LoadedEditor({ data }: { data: TemplateEditorData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { name: storeName } = useStoreDisplay();
  const { template } = data;
  const [opened, setOpened] = useState<{ id: string; version: number; draft: Draft } | null>(data.version && { id: data.version.id, version: data.version.version, draft: draftOf(data.version) });
  const [draft, setDraft] = useState<Draft>(opened?.draft ?? draftOf(null));
  const [orderInput, setOrderInput] = useState("");
  const [orderNumber, setOrderNumber] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const save = useMutation(trpc.templates.save.mutationOptions());
  const publish = useMutation(trpc.templates.publish.mutationOptions());

  const settled = useDebouncedValue({ draft, orderNumber }, 300);
  const preview = useQuery({
    ...trpc.templates.preview.queryOptions({
      templateId: template.id,
      draft: { ...contentInput(template.kind, settled.draft), whatsapp: template.kind === "messaging" ? settled.draft.whatsapp : undefined },
      baseVersionId: opened?.id,
      orderNumber: settled.orderNumber || undefined,
    }),
    placeholderData: keepPreviousData,
  });
  const problems = preview.data?.problems ?? [];
  const dirty = !opened || !sameDraft(draft, opened.draft);

  async function submit(event: FormEvent, andPublish: boolean) {
    event.preventDefault();
    setErrors({});
    setStatus(null);
    try {
      const { versionId } = await save.mutateAsync({ templateId: template.id, ...contentInput(template.kind, draft) });
      if (andPublish) await publish.mutateAsync({ versionId });
      await queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
      const saved = await queryClient.fetchQuery(trpc.templates.get.queryOptions({ templateId: template.id }));
      setOpened({ id: versionId, version: saved.version?.version ?? 0, draft });
      setStatus({ tone: "ok", text: andPublish ? `Saved and published as v${saved.version?.version}: customers get it from now on.` : `Saved as v${saved.version?.version}. It is not live until you publish it.` });
    } catch (error) {
      const details = errorDetails(error);
      setErrors(details.fieldErrors);
      setStatus({ tone: "error", text: details.message });
    }
  }

  // An edit answers the refusal it was made for: the server's message for that part goes away.
  function edit(part: DraftPart, value: string) {
    setDraft((current) => ({ ...current, [part]: value }));
    setErrors((current) => ({ ...current, [part]: undefined }));
    setStatus((current) => (current?.tone === "error" ? null : current));
  }

  const busy = save.isPending || publish.isPending;
  return (
    <>
      <PageHeader
        title={template.name}
        description={`${templateKindLabel[template.kind]} · ${template.locale}. Customers whose order is in this language get it; others fall back to the store's language, then English.`}
        actions={
          <Link href="/templates" className="text-sm font-medium text-indigo-700 hover:text-indigo-500">
            All templates
          </Link>
        }
      />
      <nav aria-label="Languages of this template" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-gray-600">Languages:</span>
        {data.languages.map((language) =>
          language.id === template.id ? (
            <span key={language.id} aria-current="page" className="rounded-md bg-indigo-600 px-2 py-0.5 font-medium text-white">
              {language.locale}
            </span>
          ) : (
            <Link key={language.id} href={`/templates/${language.id}`} className="rounded-md px-2 py-0.5 text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50">
              {language.locale}
            </Link>
          ),
        )}
        <span className="ml-auto flex gap-2">
          {data.live ? <Badge tone="green">{`v${data.live.version} live`}</Badge> : <Badge tone="amber">No version live</Badge>}
          {opened ? <Badge>{`Editing from v${opened.version}`}</Badge> : null}
          {dirty ? <Badge tone="indigo">Unsaved changes</Badge> : null}
        </span>
      </nav>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <Card className="p-5">
          <form onSubmit={(event) => submit(event, false)} noValidate className="space-y-4">
            <TemplateFields kind={template.kind} draft={draft} defaults={data.defaults} problems={problems} errors={errors} onChange={edit} />
            {template.kind === "messaging" ? <WhatsAppMappingEditor value={draft.whatsapp} onChange={(whatsapp) => setDraft((current) => ({ ...current, whatsapp }))} errors={errors} /> : null}
            {status ? (
              status.tone === "ok" ? (
                <p role="status" className="text-sm text-green-700">
                  {status.text}
                </p>
              ) : (
                <FormError message={status.text} />
              )
            ) : null}
            <div className="flex flex-wrap gap-3">
              <Button type="submit" busy={save.isPending && !publish.isPending} disabled={busy}>
                Save version
              </Button>
              <Button variant="secondary" onClick={(event) => submit(event, true)} busy={publish.isPending} disabled={busy}>
                Save and publish
              </Button>
              {problems.length ? <p className="self-center text-sm text-red-700">{`${problems.length} problem${problems.length === 1 ? "" : "s"} to fix before saving.`}</p> : null}
            </div>
          </form>
        </Card>

        <Card className="space-y-4 p-5">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 className="text-base font-semibold text-gray-900">Preview</h2>
            <form
              className="flex items-end gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                setOrderNumber(orderInput.trim());
              }}
            >
              <TextField label="Preview with order" placeholder="Sample order" value={orderInput} onChange={(event) => setOrderInput(event.target.value)} />
              <Button type="submit" variant="secondary">
                Show
              </Button>
              {orderNumber ? (
                <Button variant="ghost" onClick={() => { setOrderInput(""); setOrderNumber(""); }}>
                  Sample
                </Button>
              ) : null}
            </form>
          </div>
          <div aria-live="polite" aria-busy={preview.isFetching}>
            {preview.isError ? <p role="alert" className="text-sm text-red-700">{errorDetails(preview.error).message}</p> : null}
            {preview.data ? <TemplatePreviewPanel preview={preview.data} storeName={storeName} /> : preview.isError ? null : <p className="text-sm text-gray-500">Rendering…</p>}
          </div>
        </Card>
      </div>

      <div className="mt-6 space-y-6">
        <SendTemplateTest templateId={template.id} draft={contentInput(template.kind, draft)} orderNumber={orderNumber} channels={data.channels} />
        <TemplateVersions
          templateId={template.id}
          onOpen={(version) => {
            const opened = draftOf(version);
            setOpened({ id: version.id, version: version.version, draft: opened });
            setDraft(opened);
            setErrors({});
            setStatus({ tone: "ok", text: `v${version.version} is in the editor: save it to make a new version from it.` });
          }}
        />
      </div>
    </>
  );
}
