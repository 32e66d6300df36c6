import type { TemplateSummary } from "@/server/templates/list-templates";
import { Time } from "../shell/store-display";
import { Badge, Card } from "../ui/card";
import { Table, Td, Th } from "../ui/table";
import { channelKindLabel } from "./channel-kind-label";

/** Every template: name, channel kind, locale, live version and when it last changed. */
export function TemplatesTable({ templates }: { templates: TemplateSummary[] }) {
  return (
    <Card>
      <Table label="Templates">
        <thead className="bg-gray-50">
          <tr>
            <Th>Name</Th>
            <Th>Channel</Th>
            <Th>Locale</Th>
            <Th>Live version</Th>
            <Th>Updated</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {templates.map((template) => (
            <tr key={template.id}>
              <Td>
                <a href={`#template-${template.id}`} className="font-medium text-indigo-700 hover:text-indigo-500">
                  {template.name}
                </a>
              </Td>
              <Td>{channelKindLabel[template.channelKind]}</Td>
              <Td>{template.locale}</Td>
              <Td>
                {template.liveVersion === null ? (
                  <Badge tone="amber">None live</Badge>
                ) : (
                  <span>
                    {`v${template.liveVersion}`}
                    <span className="text-gray-500">{` of ${template.versionCount}`}</span>
                  </span>
                )}
              </Td>
              <Td>
                <Time value={template.updatedAt} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
