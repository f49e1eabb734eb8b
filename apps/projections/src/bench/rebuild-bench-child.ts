/**
 * The timed part of the rebuild bench in a fresh process (forked by runRebuildBench), as
 * `projections:rebuild` runs: nothing else in its heap. Argument: the work directory;
 * the TimedRebuild goes back over IPC.
 */
import { timeRebuild } from './rebuild-bench.js';

const [workDir] = process.argv.slice(2);
if (!workDir || !process.send) throw new Error('rebuild-bench-child runs forked, with the work directory as argument');
process.send(await timeRebuild(workDir));
