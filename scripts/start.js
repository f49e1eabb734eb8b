// `npm start`: runs the whole system on the embedded default (SQLite files under
// $DATA_DIR, default ./data): the ledger API and the projections service as two
// supervised processes (a crashed one is restarted with backoff). On the first start it
// creates the demo principals and seeds a demo city through the real API (health says
// `starting` meanwhile, until the read models have caught up), then prints the URLs and
// the demo logins.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  clearStarting,
  fetchHealth,
  findRepoRoot,
  markStarting,
  startLedgerProcesses,
  startRedisServer,
  startWebProcess,
} from '../tools/launcher/dist/index.js';
import {
  createDemoParent,
  createDemoPrincipals,
  demoKeys,
  loginStaff,
  readDemoCredentials,
  seedDemoCity,
  seedDemoMeals,
  writeDemoCredentials,
} from '../tools/demo/dist/index.js';

const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const port = Number(process.env.LEDGER_PORT ?? 3000);
const webPort = Number(process.env.WEB_PORT ?? 3001);
const webUrl = process.env.WEB_BASE_URL ?? `http://localhost:${webPort}`;
const seededMarker = join(dataDir, 'demo-seeded.json');
const log = (line) => console.log(`[start] ${line}`);

let credentials = readDemoCredentials(dataDir);
if (!credentials) {
  log(`first start: creating demo users and keys in ${dataDir}`);
  credentials = await createDemoPrincipals({ dataDir, env: { ...process.env, DATA_DIR: dataDir } });
  writeDemoCredentials(dataDir, credentials);
}

const needsSeed = !existsSync(seededMarker);
if (needsSeed) markStarting(dataDir, 'seeding the demo city');
else clearStarting(dataDir); // left by a start that was interrupted

let redis;
let system;
let web;
let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  await web?.stop();
  await system?.stop();
  await redis?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

// The ledger's job queues (supplier sync, the daily price job) live in Redis: without a
// REDIS_URL, a private redis-server under $DATA_DIR/redis (a small snapshot there keeps
// queued jobs and retries across restarts; the ledger's events stay the truth).
const redisDir = join(dataDir, 'redis');
let redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  log('starting a private redis-server…');
  try {
    redis = await startRedisServer({
      dir: redisDir,
      persist: true,
      say: log,
      onGiveUp: () => {
        console.error('[start] redis-server keeps crashing: stopping everything');
        void shutdown(1);
      },
    });
  } catch (error) {
    console.error(
      '[start] could not start redis-server (install the Debian package redis-server, or set REDIS_URL):',
      error instanceof Error ? error.message : error,
    );
    process.exit(1);
  }
  redisUrl = redis.url;
}

log('starting ledger and projections…');
try {
  system = await startLedgerProcesses({
    dataDir,
    port,
    env: {
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      WEB_BASE_URL: webUrl,
      REDIS_URL: redisUrl,
      // the demo city has two months of history, written through the API: this ledger accepts
      // sales and payments dated that far back (the defaults are 7 and 45 days)
      SALE_MAX_AGE_DAYS: process.env.SALE_MAX_AGE_DAYS ?? '90',
      TOP_UP_MAX_AGE_DAYS: process.env.TOP_UP_MAX_AGE_DAYS ?? '90',
    },
    waitFor: needsSeed ? 'live' : 'ready',
    say: log,
    onGiveUp: () => {
      console.error('[start] a service keeps crashing: stopping everything');
      void shutdown(1);
    },
  });
} catch (error) {
  console.error('[start] could not start:', error instanceof Error ? error.message : error);
  await shutdown(1); // the private redis-server too
}

try {
  if (needsSeed) {
    log('seeding the demo city (schools, ~1,000 pupils, two months of top-ups and canteen checks)…');
    const admin = credentials.users.find((user) => user.role === 'admin');
    const adminToken = await loginStaff(system.baseUrl, admin.username, admin.password);
    const summary = await seedDemoCity({
      baseUrl: system.baseUrl,
      adminToken,
      ...demoKeys(credentials),
      now: new Date(),
      log: (line) => log(line),
    });
    log('seeding meal management (meal types, settings, three weeks of class orders)…');
    const meals = await seedDemoMeals({
      baseUrl: system.baseUrl,
      adminToken,
      schoolIds: summary.schools.map((school) => school.schoolId),
      now: new Date(),
      log: (line) => log(line),
    });
    writeFileSync(seededMarker, `${JSON.stringify({ ...summary, meals }, null, 2)}\n`);
    markStarting(dataDir, 'the read models are catching up with the seeded city');
    await projectionsCaughtUp(system.baseUrl);
    clearStarting(dataDir);
  }
  await system.waitUntilReady();
  if (!credentials.parents?.length) {
    const admin = credentials.users.find((user) => user.role === 'admin');
    const adminToken = await loginStaff(system.baseUrl, admin.username, admin.password);
    credentials.parents = [await createDemoParent({ baseUrl: system.baseUrl, adminToken, schoolId: '24' })];
    writeDemoCredentials(dataDir, credentials);
  }
} catch (error) {
  console.error('[start] seeding failed:', error);
  await shutdown(1);
}

try {
  log("starting the parents' cabinet…");
  web = await startWebProcess({
    repoRoot: findRepoRoot(),
    dataDir,
    port: webPort,
    ledgerUrl: system.baseUrl,
    publicUrl: webUrl,
    say: log,
    onGiveUp: () => {
      console.error('[start] the web app keeps crashing: stopping everything');
      void shutdown(1);
    },
  });
} catch (error) {
  console.error("[start] the parents' cabinet could not start:", error instanceof Error ? error.message : error);
  await shutdown(1);
}

/** Until health (still `starting`) reports the read models with no event left to apply. */
async function projectionsCaughtUp(baseUrl, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await fetchHealth(baseUrl).catch(() => null);
    if (answer?.body?.projections?.lagEvents === 0) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`the read models did not catch up within ${timeoutMs / 1000} s`);
}

const url = system.baseUrl.replace('127.0.0.1', 'localhost');
console.log(`
Школьное питание — система запущена (embedded: SQLite в ${dataDir})

  Кабинет:        ${webUrl}  (родители: номер лицевого счёта и пароль, ниже)
  API:            ${url}/api
  OpenAPI:        ${url}/api/docs
  Health:         ${url}/api/health
  Metrics:        ${url}/metrics
  Поставщик:      ${process.env.SUPPLIER_URL ? 'SUPPLIER_URL из окружения' : `${url}/sandbox-supplier  (песочница: что получил поставщик питания)`}
  Redis:          ${redis ? `${redisUrl} (очереди фоновых задач; свой redis-server, ${redisDir})` : 'REDIS_URL из окружения'}
  Logs:           ${join(dataDir, 'ledger.log')}, ${join(dataDir, 'projections.log')}, ${join(dataDir, 'web.log')}
  Почта (outbox): ${join(dataDir, 'outbox')}

Демо-логины (POST ${url}/api/auth/login {"username","password"}):
${credentials.users.map((u) => `  ${u.username.padEnd(18)} ${u.password.padEnd(22)} ${u.description}`).join('\n')}

Демо-родители (кабинет: номер лицевого счёта и пароль):
${(credentials.parents ?? []).map((p) => `  ${p.accountNumber.padEnd(18)} ${p.password.padEnd(22)} ${p.description}`).join('\n')}

Демо-ключи API (Authorization: Bearer <ключ>):
${credentials.keys.map((k) => `  ${k.name.padEnd(18)} ${k.key}  ${k.description}`).join('\n')}

Все учётные данные: ${join(dataDir, 'demo-credentials.json')}. Остановить: Ctrl+C.
`);
