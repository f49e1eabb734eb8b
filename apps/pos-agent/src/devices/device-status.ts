/** What the till screen shows about a device. */
export type DeviceState = 'connected' | 'connecting' | 'disconnected' | 'simulated';

export interface DeviceStatus {
  state: DeviceState;
  /** the configured path, or null for a simulated device */
  path: string | null;
  /** the last problem, in Russian for the cashier */
  problem: string | null;
}
