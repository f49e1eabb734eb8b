/**
 * A step of the rebuild bench in a fresh process (forked by runRebuildBench), so that
 * nothing else is in its heap: `generate <workDir> <events>` appends the events,
 * `rebuild <workDir>` times the rebuild as `projections:rebuild` runs it. The result goes
 * back over IPC.
 */
import { generateEvents, timeRebuild } from './rebuild-bench.js';

const [step, workDir, events] = process.argv.slice(2);
if (!workDir || !process.send) throw new Error('rebuild-bench-child runs forked: generate|rebuild <workDir> [events]');
if (step === 'generate') process.send(await generateEvents(workDir, Number(events)));
else if (step === 'rebuild') process.send(await timeRebuild(workDir));
else throw new Error(`unknown step ${step}`);
