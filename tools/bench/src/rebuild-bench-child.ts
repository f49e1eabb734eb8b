/**
 * A step of the rebuild bench in a fresh process (forked by runRebuildBench), so that
 * nothing else is in its heap: `generate <workDir> <events>` appends the events,
 * `rebuild <workDir>` times the rebuild as `projections:rebuild` runs it, `scan <workDir>`
 * times its reference (the log read and parsed). The result goes back over IPC.
 */
import { generateEvents, timeRebuild, timeScan } from './rebuild-bench.js';

const [step, workDir, events] = process.argv.slice(2);
if (!workDir || !process.send)
  throw new Error('rebuild-bench-child runs forked: generate|rebuild|scan <workDir> [events]');
if (step === 'generate') process.send(await generateEvents(workDir, Number(events)));
else if (step === 'rebuild') process.send(await timeRebuild(workDir));
else if (step === 'scan') process.send(await timeScan(workDir));
else throw new Error(`unknown step ${step}`);
