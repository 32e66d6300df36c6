import { describe, expect, it } from "vitest";
import { checkTemplate } from "./check-template";

describe("checkTemplate", () => {
  it("accepts every catalogue variable, loops over items, item fields, size, first, last and assigned names", () => {
    const body = [
      "{{ order.number }} {{ order.total }} {{ customer.first_name | default: 'there' }} {{ store.name }} {{ order.tracking_url }}",
      "{% for item in order.items %}{{ item.quantity }} × {{ item.name }} {{ forloop.index }}{% endfor %}",
      "{{ order.items.size }} {{ order.items.first.name }} {{ order.items[0].sku }} {{ order.items.last.line_total }} {{ customer.name.size }}",
      "{% assign greeting = 'Hi' %}{{ greeting }} {% capture who %}{{ customer.name }}{% endcapture %}{{ who }}",
    ].join("\n");
    expect(checkTemplate({ subject: "Order {{ order.number }}", body })).toEqual([]);
  });

  it("reports an unknown variable with its part, line and column, and suggests the closest name", () => {
    expect(checkTemplate({ body: "Hi\n  {{ customer.frist_name }}!" })).toEqual([
      { part: "body", line: 2, column: 6, message: "The message uses an unknown variable “customer.frist_name” on line 2, column 6. Did you mean “customer.first_name”?" },
    ]);
    const [shop] = checkTemplate({ subject: "{{ shop.name }}" });
    expect(shop).toMatchObject({ part: "subject", line: 1, column: 4 });
    expect(shop!.message).toMatch(/unknown variable “shop.name” on line 1, column 4\. Did you mean “store.name”\?/);
    expect(checkTemplate({ body: "{{ order.number.digits }}" })[0]!.message).toMatch(/unknown variable “order.number.digits”/);
    expect(checkTemplate({ body: "{{ order.items.first.colour }}" })[0]!.message).toMatch(/unknown variable “order.items.first.colour”/);
  });

  it("explains item fields used outside the items loop", () => {
    const [problem] = checkTemplate({ body: "{{ item.name }}" });
    expect(problem!.message).toBe("The message uses “item.name” on line 1, column 4 outside a loop: item fields work only inside {% for item in order.items %}…{% endfor %}.");
  });

  it("reports syntax errors with line and column, per part, in part order", () => {
    const problems = checkTemplate({ body: "Fine {{ order.number }}", footer: "{% if order.number %}open", heading: "Order {{ order.number" });
    expect(problems).toEqual([
      { part: "heading", line: 1, column: 7, message: 'The heading has a template syntax error on line 1, column 7: output "{{ order.number" not closed.' },
      { part: "footer", line: 1, column: 1, message: "The footer has a template syntax error on line 1, column 1: tag {% if order.number %} not closed." },
    ]);
    expect(checkTemplate({ body: "{{ order.total | shout }}" })[0]!.message).toMatch(/syntax error on line 1, column 1: undefined filter: shout/);
  });

  it("skips empty and missing parts", () => {
    expect(checkTemplate({ subject: null, heading: "", body: "x" })).toEqual([]);
  });
});
