import { type DefaultTemplateSet, lines } from "./default-template-set";

/** "・Trail Runner 2（Size 42 / Blue）× 1": the name first, as Japanese order lists read. */
const itemLines = (bullet: string) => `{% for item in order.items %}${bullet}{{ item.name }}{% if item.variant %}（{{ item.variant }}）{% endif %} × {{ item.quantity }}\n{% endfor %}`;

/** Japanese, in the polite register of a shop writing to a customer (様, お客様). */
export const japanese: DefaultTemplateSet = {
  email: {
    subject: "【{{ store.name }}】ご注文ありがとうございます（ご注文番号：{{ order.number }}）",
    heading: "ご注文番号 {{ order.number }}",
    body: lines(
      "{% if customer.name %}{{ customer.name }} 様{% else %}お客様{% endif %}",
      "",
      "このたびは{{ store.name }}をご利用いただき、誠にありがとうございます。",
      "{{ order.total }}のお支払いを確認いたしました。ただいま商品の発送準備を進めております。",
      "",
      "ご注文内容は以下のとおりです。領収書はいつでもオンラインでご確認いただけます。",
    ),
    footer: "このメールは、{{ store.name }}でご注文いただいたお客様にお送りしています。",
  },
  sms: {
    subject: null,
    heading: null,
    body: "【{{ store.name }}】ご注文（{{ order.number }}、{{ order.total }}）を承りました。{% if order.delivery_estimate %}お届け予定日：{{ order.delivery_estimate_short }}。{% endif %}領収書：{{ order.receipt_url }}",
    footer: null,
  },
  messaging: {
    subject: null,
    heading: null,
    body: lines(
      "{% if customer.name %}{{ customer.name }} 様{% else %}お客様{% endif %}、{{ store.name }}をご利用いただきありがとうございます。",
      "",
      "ご注文番号：{{ order.number }}",
      `${itemLines("・")}合計：{{ order.total }}`,
      "{% if order.delivery_estimate %}お届け予定日：{{ order.delivery_estimate }}",
      "{% endif %}",
      "領収書：{{ order.receipt_url }}",
    ),
    footer: null,
  },
  chat: {
    subject: null,
    heading: null,
    body: lines(
      "新規注文 {{ order.number }}：{{ order.total }}",
      "{{ customer.name | default: 'ゲスト' }}{% if customer.email %} · {{ customer.email }}{% endif %}{% if customer.phone %} · {{ customer.phone }}{% endif %}",
      `${itemLines("")}領収書：{{ order.receipt_url }}`,
    ),
    footer: null,
  },
  crm: {
    subject: "ご注文確定：{{ order.number }}（{{ order.total }}）",
    heading: null,
    body: lines(
      "ご注文 {{ order.number }} のお支払いを確認し、注文が確定しました{% if order.placed_at %}（{{ order.placed_at }}）{% endif %}。",
      "",
      "お客様：{{ customer.name | default: '未登録' }}{% if customer.email %}、{{ customer.email }}{% endif %}{% if customer.phone %}、{{ customer.phone }}{% endif %}",
      "",
      "ご注文商品：",
      `${itemLines("・")}合計：{{ order.total }}`,
      "{% if order.delivery_estimate %}お届け予定日：{{ order.delivery_estimate }}",
      "{% endif %}領収書：{{ order.receipt_url }}",
    ),
    footer: null,
  },
};
