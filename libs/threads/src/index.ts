export { startThread, threadModuleUrl } from './start-thread.js';
