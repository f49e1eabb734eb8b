export { startThread, threadModuleUrl, type ThreadOptions } from './start-thread.js';
