/** The benchmarks `npm run bench` runs (bench/run.js), each with its reference figure. */
export { runAppendBench, type AppendBenchOptions, type AppendBenchResult } from './append-bench.js';
export { runRebuildBench, type RebuildBenchOptions, type RebuildBenchResult } from './rebuild-bench.js';
export { startBenchSystem, type BenchSystem, type StartBenchSystemOptions } from './bench-system.js';
export { runHttpSalesBench } from './http-sales-bench.js';
export { runCabinetBench, type CabinetBenchOptions, type CabinetBenchResult } from './cabinet-bench.js';
export { runStatementBench, type StatementBenchResult } from './statement-bench.js';
export { findRepoRoot, startRedisServer } from '@meals/launcher';
export { runCityOrderBench, type CityOrderBenchOptions, type CityOrderBenchResult } from './city-order-bench.js';
