export * from './storage-env.js';
export * from './load-config-or-exit.js';
export { openLogDestination, type LogDestination, type LogDestinationOptions } from './log-destination.js';
export {
  clearStarting,
  markStarting,
  readStarting,
  STARTING_MARKER_FILE,
  type StartingMarker,
} from './startup-marker.js';
