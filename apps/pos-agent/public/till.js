// The till screen: state pushed by the agent (server-sent events), a basket kept here until
// «Оплатить». Data is only ever put into the page as text (textContent), never as HTML.
'use strict';

const $ = (id) => document.getElementById(id);
const basket = new Map(); // itemId -> { item, qty }
let assortment = [];
let state = null;
let busy = false;

const rub = (kopecks) => {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} ₽`;
};

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json().catch(() => ({ ok: false, message: 'Касса не ответила' }));
}

function showNotice(kind, text) {
  const notice = $('notice');
  notice.className = `notice ${kind}`;
  notice.textContent = text;
}

const DEVICE_TEXT = {
  connected: ['подключён', 'ok'],
  connecting: ['подключение…', 'warn'],
  disconnected: ['отключён', 'err'],
  simulated: ['симулятор', 'ok'],
};

function renderStatus() {
  $('till-name').textContent = `${state.till.schoolName} · касса ${state.till.tillId}`;
  const link = $('status-link');
  const queued = state.link.queued ? `, в очереди ${state.link.queued}` : '';
  link.textContent = state.link.online ? `Связь: есть${queued}` : `Нет связи: продажа офлайн${queued}`;
  link.className = `pill ${state.link.online ? (state.link.queued ? 'warn' : 'ok') : 'err'}`;
  link.title = state.link.problem ?? '';
  for (const [id, name, status] of [
    ['status-reader', 'Считыватель', state.devices.reader],
    ['status-printer', 'Принтер', state.devices.printer],
  ]) {
    const [text, kind] = DEVICE_TEXT[status.state] ?? [status.state, 'warn'];
    $(id).textContent = `${name}: ${text}`;
    $(id).className = `pill ${kind}`;
    $(id).title = status.problem ?? '';
  }
}

function renderCard() {
  const card = state.card;
  $('card-empty').hidden = Boolean(card);
  $('card-info').hidden = !card;
  if (!card) return;
  $('pupil-name').textContent = card.fullName;
  $('pupil-class').textContent = `Класс ${card.className}`;
  $('pupil-account').textContent = card.accountNumber;
  $('pupil-balance').textContent = rub(card.balance) + (card.source === 'cache' ? ' (по данным кассы)' : '');
  const status = $('card-status');
  if (card.cardStatus === 'blocked') {
    status.textContent = `Карта заблокирована: ${card.blockedReason ?? 'причина не указана'}`;
    status.className = 'card-status err';
  } else if (card.cardStatus === 'issued') {
    status.textContent = 'Карта не активирована';
    status.className = 'card-status warn';
  } else {
    status.textContent = 'Карта активна';
    status.className = 'card-status';
  }
}

function renderNotice() {
  if (state.notice) showNotice(state.notice.kind, state.notice.text);
}

function renderReceipts() {
  const box = $('receipts');
  box.replaceChildren(
    ...state.receipts.map((receipt) => el('pre', { 'aria-label': `Чек ${receipt.id}`, tabindex: '0' }, receipt.text)),
  );
  const list = $('unprinted-list');
  $('unprinted').hidden = state.unprinted.length === 0;
  list.replaceChildren(
    ...state.unprinted.map((check) =>
      el(
        'li',
        {},
        el('span', { text: `Чек №${check.checkNumber}, ${rub(check.total)}` }),
        el('button', { type: 'button', class: 'button-quiet', onclick: () => reprint(check.id) }, 'Печатать снова'),
      ),
    ),
  );
}

function render() {
  renderStatus();
  renderCard();
  renderNotice();
  renderReceipts();
  renderBasket();
}

function renderMenu() {
  const query = $('search').value.trim().toLowerCase();
  const shown = assortment.filter(
    (item) => !query || item.name.toLowerCase().includes(query) || item.category.toLowerCase().includes(query),
  );
  const groups = new Map();
  const favourites = shown.filter((item) => item.favourite);
  if (favourites.length && !query) groups.set('Избранное', favourites);
  for (const item of shown) {
    if (item.favourite && !query) continue;
    if (!groups.has(item.category)) groups.set(item.category, []);
    groups.get(item.category).push(item);
  }
  const nodes = [];
  for (const [category, items] of groups) {
    nodes.push(el('h3', { text: category }));
    for (const item of items) {
      nodes.push(
        el(
          'button',
          {
            type: 'button',
            class: `item${item.favourite ? ' fav' : ''}`,
            'data-item': item.itemId,
            onclick: () => add(item),
          },
          el('span', { text: item.name }),
          el('span', { class: 'price', text: rub(item.price) }),
        ),
      );
    }
  }
  if (nodes.length === 0)
    nodes.push(el('p', { class: 'muted', text: assortment.length ? 'Ничего не найдено' : 'Ассортимент пуст' }));
  $('menu').replaceChildren(...nodes);
}

function renderBasket() {
  const lines = [...basket.values()];
  $('basket').replaceChildren(
    ...lines.map(({ item, qty }) =>
      el(
        'li',
        {},
        el('span', { text: `${item.name}` }),
        el('span', { text: rub(item.price * qty) }),
        el(
          'span',
          { class: 'controls' },
          el(
            'button',
            {
              type: 'button',
              class: 'qty',
              'aria-label': `Убрать одну: ${item.name}`,
              onclick: () => change(item.itemId, -1),
            },
            '−',
          ),
          el('span', { 'aria-label': `Количество: ${qty}`, text: `${qty} шт.` }),
          el(
            'button',
            {
              type: 'button',
              class: 'qty',
              'aria-label': `Добавить ещё: ${item.name}`,
              onclick: () => change(item.itemId, 1),
            },
            '+',
          ),
        ),
      ),
    ),
  );
  const total = lines.reduce((sum, { item, qty }) => sum + item.price * qty, 0);
  $('total').textContent = rub(total);
  const card = state?.card;
  $('pay').disabled = busy || lines.length === 0 || !card || card.cardStatus !== 'active';
}

function add(item) {
  const line = basket.get(item.itemId);
  basket.set(item.itemId, { item, qty: Math.min(99, (line?.qty ?? 0) + 1) });
  renderBasket();
}

function change(itemId, delta) {
  const line = basket.get(itemId);
  if (!line) return;
  const qty = line.qty + delta;
  if (qty <= 0) basket.delete(itemId);
  else basket.set(itemId, { ...line, qty: Math.min(99, qty) });
  renderBasket();
}

async function withBusy(action) {
  if (busy) return;
  busy = true;
  renderBasket();
  try {
    await action();
  } catch {
    showNotice('error', 'Касса не ответила: проверьте, запущен ли агент');
  } finally {
    busy = false;
    renderBasket();
  }
}

function pay() {
  const card = state?.card;
  if (!card || basket.size === 0) return;
  return withBusy(async () => {
    const items = [...basket.values()].map(({ item, qty }) => ({ itemId: item.itemId, qty }));
    const answer = await post('/api/sale', { cardUid: card.cardUid, items });
    if (answer.ok) basket.clear();
    else showNotice(answer.code === 'insufficient_funds' ? 'warning' : 'error', answer.message);
  });
}

const cardAction = (path) => () => {
  const card = state?.card;
  if (!card) return showNotice('warning', 'Сначала приложите карту');
  return withBusy(async () => {
    const answer = await post(path, { cardUid: card.cardUid });
    if (!answer.ok) showNotice('error', answer.message);
  });
};

const reprint = (id) => withBusy(() => post('/api/reprint', { id }));

async function presentCard(cardUid) {
  basket.clear();
  const answer = await post('/api/card', { cardUid });
  if (!answer.ok) showNotice('error', answer.message);
}

async function loadAssortment() {
  const response = await fetch('/api/assortment');
  const view = await response.json();
  assortment = view.items;
  $('menu-source').textContent = view.fromCache
    ? `Нет связи: ассортимент из памяти кассы${view.updatedAt ? ` от ${new Date(view.updatedAt).toLocaleString('ru-RU')}` : ''}`
    : '';
  renderMenu();
}

async function loadDemoCards() {
  const demo = await (await fetch('/api/demo-cards')).json();
  if (!demo.simulated) return;
  $('card-input-label').textContent = 'Номер карты (симулятор считывателя)';
  if (demo.cards.length === 0) return;
  const select = $('demo-card-select');
  select.replaceChildren(
    el('option', { value: '', text: '— выберите карту —' }),
    ...demo.cards.map((card) => el('option', { value: card.cardUid, text: card.label })),
  );
  select.addEventListener('change', () => select.value && presentCard(select.value));
  $('demo-cards').hidden = false;
}

function connect() {
  const events = new EventSource('/api/events');
  let lastOnline = null;
  events.onmessage = (message) => {
    const previousCard = state?.card?.cardUid;
    state = JSON.parse(message.data);
    if (state.card?.cardUid !== previousCard) basket.clear();
    if (lastOnline === false && state.link.online) void loadAssortment();
    lastOnline = state.link.online;
    render();
  };
  events.onerror = () => showNotice('error', 'Нет связи с агентом кассы: переподключаюсь…');
}

$('card-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = $('card-input').value.trim();
  if (value) void presentCard(value);
  $('card-input').value = '';
});
$('search').addEventListener('input', renderMenu);
$('search').addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const first = document.querySelector('#menu .item');
  if (first) first.click();
});
$('pay').addEventListener('click', pay);
$('activate').addEventListener('click', cardAction('/api/activate'));
$('password').addEventListener('click', cardAction('/api/temporary-password'));
$('statement').addEventListener('click', cardAction('/api/statement'));
$('next').addEventListener('click', () => {
  basket.clear();
  void post('/api/card/clear', {});
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') $('next').click();
  else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void pay();
  else if (event.key === '/' && document.activeElement?.tagName !== 'INPUT') {
    event.preventDefault();
    $('search').focus();
  }
});

connect();
void loadAssortment();
void loadDemoCards();
