import { carrierName, type Shipment } from '@trackline/core';
import { latestEvent } from '../milestones.js';
import type { Brand } from './types.js';
import { latestPlace, plainText, type Words } from './words.js';

// One email as HTML and plain text. Every value that reaches the HTML is escaped, and URLs are
// accepted only as http(s): carrier text (scan descriptions, place names) comes from outside, and
// so, in a multi-tenant setup, may the brand.

const defaultColor = '#1f6feb';

export interface EmailInput {
  words: Words;
  brand: Brand;
  orderNumber: string;
  customerName?: string;
  /** Where the button leads: the store's tracking page or the carrier's. */
  link?: string;
  /** The parcel the message is about; absent for the order confirmation. */
  shipment?: Shipment;
}

export interface EmailParts {
  subject: string;
  html: string;
  text: string;
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows exactly that text, in element content or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

/** An absolute http(s) URL, normalized, or undefined: `javascript:` and friends never reach a link. */
export function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A plausible email address (used only to build a `mailto:` link). */
const emailAddress = /^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/;

export function composeEmail(input: EmailInput): EmailParts {
  const { words, brand, orderNumber, shipment } = input;
  const { copy } = words;
  const name = plainText(brand.name, 80) || 'Store';
  const color = brand.color && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(brand.color) ? brand.color : defaultColor;
  const logo = safeUrl(brand.logoUrl);
  const link = safeUrl(input.link);
  const supportUrl = safeUrl(brand.supportUrl);
  const supportEmail = brand.supportEmail && emailAddress.test(brand.supportEmail) ? brand.supportEmail : undefined;
  const greeting = copy.greeting(plainText(input.customerName, 80));
  const subject = copy.subject(plainText(orderNumber, 60), words.headline);
  const linkLabel = shipment ? copy.trackParcel : copy.viewOrder;

  const details: [label: string, value: string][] = [];
  if (shipment) {
    details.push([copy.carrier, carrierName(shipment.carrier)]);
    details.push([copy.trackingNumber, plainText(shipment.trackingNumber, 60)]);
    const latest = latestEvent(shipment);
    const description = plainText(latest?.description);
    const place = latestPlace(shipment);
    if (description) details.push([copy.latestUpdate, place ? `${description} (${place})` : description]);
  }

  const text = [
    greeting,
    '',
    words.headline,
    '',
    words.happened,
    words.next,
    ...(words.todo ? ['', `${copy.whatToDo}: ${words.todo}`] : []),
    ...(link ? ['', `${linkLabel}: ${link}`] : []),
    ...(details.length ? ['', ...details.map(([label, value]) => `${label}: ${value}`)] : []),
    ...(supportUrl || supportEmail
      ? ['', copy.help(name), ...[supportUrl, supportEmail].filter((v): v is string => v !== undefined)]
      : []),
    '',
    '--',
    copy.footer(name, plainText(orderNumber, 60)),
    '',
  ].join('\n');

  const e = escapeHtml;
  const font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
  const row = (content: string, padding = '16px 24px 0') => `<tr><td style="padding:${padding};">${content}</td></tr>`;
  const paragraph = (content: string) => `<p style="margin:0 0 12px;font-size:16px;line-height:1.5;">${e(content)}</p>`;
  const rows = [
    row(
      logo
        ? `<img src="${e(logo)}" alt="${e(name)}" height="40" style="display:block;height:40px;width:auto;border:0;">`
        : `<strong style="font-size:18px;">${e(name)}</strong>`,
      '24px 24px 0',
    ),
    row(`<h1 style="margin:0;font-size:22px;line-height:1.3;">${e(words.headline)}</h1>`),
    row(paragraph(greeting) + paragraph(words.happened) + paragraph(words.next)),
  ];
  if (words.todo) {
    rows.push(
      row(
        `<div style="border-left:4px solid ${color};background:#f6f8fa;padding:12px 16px;font-size:16px;line-height:1.5;">` +
          `<strong>${e(copy.whatToDo)}</strong><br>${e(words.todo)}</div>`,
        '4px 24px 0',
      ),
    );
  }
  if (link) {
    rows.push(
      row(
        `<a href="${e(link)}" style="display:inline-block;background:${color};color:#ffffff;text-decoration:none;` +
          `font-weight:600;font-size:16px;padding:12px 20px;border-radius:6px;">${e(linkLabel)}</a>`,
        '20px 24px 0',
      ),
    );
  }
  if (details.length) {
    const lines = details
      .map(
        ([label, value]) =>
          `<tr><td style="padding:2px 12px 2px 0;color:#57606a;">${e(label)}</td><td>${e(value)}</td></tr>`,
      )
      .join('');
    rows.push(
      row(
        `<table role="presentation" cellpadding="0" cellspacing="0" style="font-size:14px;line-height:1.5;">${lines}</table>`,
        '24px 24px 0',
      ),
    );
  }
  if (supportUrl || supportEmail) {
    const contacts = [
      supportUrl ? `<a href="${e(supportUrl)}" style="color:${color};">${e(supportUrl)}</a>` : '',
      supportEmail ? `<a href="mailto:${e(supportEmail)}" style="color:${color};">${e(supportEmail)}</a>` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    rows.push(
      row(`<p style="margin:0;font-size:14px;line-height:1.5;">${e(copy.help(name))} ${contacts}</p>`, '24px 24px 0'),
    );
  }
  rows.push(
    row(
      `<p style="margin:0;font-size:12px;line-height:1.5;color:#57606a;">${e(copy.footer(name, plainText(orderNumber, 60)))}</p>`,
      '24px 24px 24px',
    ),
  );

  const html =
    `<!doctype html><html lang="${words.language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f4f4f5;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;"><tr><td align="center" style="padding:24px 12px;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-top:4px solid ${color};${font};color:#1f2328;">` +
    rows.join('') +
    `</table></td></tr></table></body></html>`;

  return { subject, html, text };
}
