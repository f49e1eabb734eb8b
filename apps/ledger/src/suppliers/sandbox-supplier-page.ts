/**
 * /sandbox-supplier: what the embedded sandbox supplier received, per school and day, each
 * delivery with its order lines. Pupils appear as surname and initials: the page is public
 * (a demo aid, like the sandbox card form), so it shows no more than a supplier's list needs.
 */
import { formatRoubles } from '@meals/domain';
import { escapeHtml as escape } from '../http/html.js';
import type { ReceivedDelivery } from './sandbox-meal-supplier.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const field = (line: unknown, name: string): unknown =>
  line && typeof line === 'object' ? (line as Record<string, unknown>)[name] : undefined;

/** «Иванова Мария Петровна» → «Иванова М. П.» */
export function shortName(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/);
  return [surname, ...rest.map((part) => `${part[0]}.`)].filter(Boolean).join(' ');
}

function parentShare(line: unknown): string {
  const rp = field(field(line, 'costs'), 'rp');
  return typeof rp === 'number' ? formatRoubles(rp) : '—';
}

function linesTable(lines: unknown[]): string {
  if (lines.length === 0) return '<p>Заказ пуст: все заказы на день отменены.</p>';
  const rows = lines
    .map(
      (line) =>
        `<tr><td>${escape(text(field(line, 'className')))}</td><td>${escape(shortName(text(field(line, 'fullName'))))}</td>` +
        `<td>${escape(text(field(line, 'mealTypeName')))}</td><td>${escape(text(field(line, 'serviceType')))}</td>` +
        `<td class="num">${escape(parentShare(line))}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th scope="col">Класс</th><th scope="col">Ученик</th><th scope="col">Питание</th><th scope="col">Приём пищи</th><th scope="col">Родительская плата</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function deliverySection(delivery: ReceivedDelivery): string {
  const repeats = delivery.repeats > 0 ? `, повторных доставок отброшено: ${delivery.repeats}` : '';
  return `<section>
<h3>Версия ${delivery.version} <small>(${escape(delivery.deliveryId)})</small></h3>
<p>Получено ${escape(delivery.receivedAt)}, строк: ${delivery.lines.length}${repeats}</p>
${linesTable(delivery.lines)}
</section>`;
}

export function sandboxSupplierPage(
  deliveries: ReceivedDelivery[],
  filter: { date?: string; schoolId?: string },
): string {
  const days = new Map<string, ReceivedDelivery[]>();
  for (const delivery of deliveries) {
    const key = `${delivery.date}|${delivery.schoolId}`;
    days.set(key, [...(days.get(key) ?? []), delivery]);
  }
  const body =
    days.size === 0
      ? '<p>Поставщик пока ничего не получил.</p>'
      : [...days.values()]
          .map(
            (list) =>
              `<article><h2>Школа № ${escape(list[0]!.schoolId)}, ${escape(list[0]!.date)}</h2>\n${list.map(deliverySection).join('\n')}</article>`,
          )
          .join('\n');
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Поставщик питания (песочница)</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}
.num{text-align:right}
article{border-top:2px solid #1d4ed8;margin-top:1.5rem}
label{margin-right:.5rem}
input,button{font-size:1rem;padding:.3rem}
</style>
</head>
<body>
<main>
<h1>Поставщик питания (песочница)</h1>
<p>Учебный поставщик: так выглядят заказы, которые система отправила поставщику. Каждая доставка имеет номер
«школа-дата-версия»; повторная доставка с тем же номером не создаёт второго заказа.</p>
<form method="get">
<label for="date">Дата</label><input id="date" name="date" type="date" value="${escape(filter.date ?? '')}">
<label for="schoolId">Школа №</label><input id="schoolId" name="schoolId" inputmode="numeric" size="4" value="${escape(filter.schoolId ?? '')}">
<button type="submit">Показать</button>
</form>
${body}
</main>
</body>
</html>`;
}
