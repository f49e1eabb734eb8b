/** The sandbox's card form: Russian, labelled fields, the test cards written on the page. */
import { formatRoubles } from '@meals/domain';
import { escapeHtml as escape } from '../http/html.js';
import { SANDBOX_CARDS } from './gateway/sandbox-gateway.js';

const spaced = (card: string) => card.replace(/(\d{4})(?=\d)/g, '$1 ');

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}
label{display:block;margin:1rem 0 .25rem;font-weight:600}
input,select{font-size:1.1rem;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #555;border-radius:4px}
button{margin-top:1.5rem;font-size:1.1rem;padding:.75rem 1.25rem;background:#1d4ed8;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.note{background:#f3f4f6;padding:.75rem;border-radius:4px}
.error{color:#b91c1c}
</style>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
${body}
</main>
</body>
</html>`;
}

export function cardFormPage(orderId: string, amount: number, error?: string): string {
  return page(
    'Тестовая оплата картой',
    `<p>Учебный платёжный шлюз: деньги не списываются.</p>
<p>Сумма к оплате: <strong>${escape(formatRoubles(amount))}</strong></p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/sandbox-gateway/pay/${escape(orderId)}">
<label for="cardNumber">Номер карты</label>
<input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" required maxlength="23" aria-describedby="cards">
<label for="callback">Уведомление магазина (для проверки)</label>
<select id="callback" name="callback">
<option value="">как настроено на сервере</option>
<option value="normal">сразу</option>
<option value="late">с опозданием</option>
<option value="twice">дважды</option>
<option value="never">никогда</option>
</select>
<button type="submit">Оплатить</button>
</form>
<div class="note" id="cards"><p>Тестовые карты:</p><ul>
<li>${spaced(SANDBOX_CARDS.success)} — оплата проходит</li>
<li>${spaced(SANDBOX_CARDS.declined)} — банк отклоняет оплату</li>
</ul></div>`,
  );
}

export function messagePage(title: string, text: string): string {
  return page(title, `<p>${escape(text)}</p>`);
}
