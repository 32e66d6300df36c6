import { describe, expect, it } from "vitest";
import { TemplateRenderError, TemplateSyntaxError, defaultLiquidLimits, parseTemplate, renderLiquid } from "./render-liquid";

const scope = { customer: { name: `<script>alert("x")</script> & Co`, first_name: null }, order: { number: "#1001", items: [{ name: "A" }, { name: "B" }] } };

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the render to fail");
}

describe("renderLiquid", () => {
  it("escapes values for HTML output but keeps the template's own markup", async () => {
    const html = await renderLiquid("<p>Hi <b>{{ customer.name }}</b></p>", scope, { mode: "html" });
    expect(html).toBe("<p>Hi <b>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co</b></p>");
  });

  it("leaves values alone for plain text", async () => {
    expect(await renderLiquid("Hi {{ customer.name }}", scope, { mode: "none" })).toBe(`Hi <script>alert("x")</script> & Co`);
  });

  it("renders loops, conditions and defaults the usual Liquid way", async () => {
    const out = await renderLiquid("{{ customer.first_name | default: 'there' }}:{% for item in order.items %} {{ item.name }}{% endfor %}{% if order.missing %}!{% endif %}", scope, { mode: "none" });
    expect(out).toBe("there: A B");
  });

  it("reports a syntax error with the part, line and column", async () => {
    const error = await failure(renderLiquid("Hello\nOrder {{ order.number", scope, { mode: "none" }));
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    expect(error.message).toBe('The message has a template syntax error on line 2, column 7: output "{{ order.number" not closed.');
    expect((error as TemplateSyntaxError).line).toBe(2);

    const subject = await failure(renderLiquid("{% if order.number %}Order", scope, { mode: "none", part: "subject" }));
    expect(subject.message).toMatch(/^The subject has a template syntax error on line 1, column 1: tag \{% if order.number %\} not closed\.$/);
  });

  it("refuses unknown filters and tags instead of skipping them", async () => {
    expect((await failure(renderLiquid("{{ order.number | shout }}", scope, { mode: "none" }))).message).toMatch(/syntax error.*undefined filter: shout/);
    expect((await failure(renderLiquid("{% sendmail %}", scope, { mode: "none" }))).message).toMatch(/syntax error.*tag "sendmail" not found/);
    expect(() => parseTemplate("{{ order.number | shout }}")).toThrow(TemplateSyntaxError);
    expect(() => parseTemplate("{{ order.number | upcase }}")).not.toThrow();
  });

  it("never reads files through include, render or layout", async () => {
    for (const source of ["{% include 'package.json' %}", "{% render '.env' %}", "{% layout 'package.json' %}x"]) {
      const error = await failure(renderLiquid(source, scope, { mode: "none" }));
      expect(error).toBeInstanceOf(TemplateRenderError);
      expect(error.message).toMatch(/include, render and layout are not available/);
    }
  });

  it("stops a template that runs too long, well within a second", async () => {
    const started = performance.now();
    const error = await failure(
      renderLiquid("{% for i in (1..20000) %}{% for j in (1..20000) %}x{% endfor %}{% endfor %}", scope, { mode: "none", limits: { ...defaultLiquidLimits, renderLimit: 100, memoryLimit: 1e9 } }),
    );
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect(error.message).toMatch(/^The message could not be rendered: it took too long/);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("stops a template that allocates too much", async () => {
    const error = await failure(renderLiquid("{% for i in (1..100000000) %}{{ i }}{% endfor %}", scope, { mode: "none" }));
    expect(error.message).toMatch(/^The message could not be rendered: it produced too much/);
    const doubling = await failure(renderLiquid("{% assign s = 'ab' %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}", scope, { mode: "none" }));
    expect(doubling.message).toMatch(/produced too much/);
  });

  it("refuses a template longer than the parse limit", async () => {
    const error = await failure(renderLiquid("x".repeat(defaultLiquidLimits.parseLimit + 1), scope, { mode: "none" }));
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    expect(error.message).toMatch(/it is too long/);
  });

  it("hides properties that are not the scope's own", async () => {
    expect(await renderLiquid("[{{ order.constructor }}{{ order.toString }}{{ order.__proto__ }}]", scope, { mode: "none" })).toBe("[]");
  });
});
