import type { TemplateKind } from "@/lib/templates/template-kinds";

/** The Liquid parts of one template. Subject: email and CRM notes; heading and footer: email only. */
export type TemplateContent = { subject: string | null; heading: string | null; body: string; footer: string | null };

/** The order confirmation in one language, for every template kind. */
export type DefaultTemplateSet = Record<TemplateKind, TemplateContent>;

/** Lines joined with newlines: templates read better as the lines they produce. */
export const lines = (...parts: string[]) => parts.join("\n");

/** "• 1 × Trail Runner 2 (Size 42 / Blue)", one line per item. */
export const itemLines = (bullet: string) =>
  `{% for item in order.items %}${bullet}{{ item.quantity }} × {{ item.name }}{% if item.variant %} ({{ item.variant }}){% endif %}\n{% endfor %}`;
