import { ConfigError, loadConfigOrExit } from '@meals/runtime-config';

/** Thrown by the mocked process.exit, so that the code after it does not run. */
class Exited extends Error {
  constructor(readonly code: string | number | null | undefined) {
    super(`process.exit(${code})`);
  }
}

describe('loadConfigOrExit', () => {
  let exit: jest.SpiedFunction<typeof process.exit>;
  let stderr: jest.SpiedFunction<typeof process.stderr.write>;

  beforeEach(() => {
    exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Exited(code);
    });
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('returns what the loader returns', () => {
    expect(loadConfigOrExit(() => ({ port: 3000 }))).toEqual({ port: 3000 });
    expect(exit).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });

  it('prints a ConfigError without a stack trace and exits with status 2', () => {
    const load = () => {
      throw new ConfigError('Invalid configuration:\n  TIME_ZONE: unknown IANA time zone');
    };
    expect(() => loadConfigOrExit(load)).toThrow(Exited);
    expect(exit).toHaveBeenCalledWith(2);
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(stderr).toHaveBeenCalledWith('Invalid configuration:\n  TIME_ZONE: unknown IANA time zone\n');
  });

  it('throws any other error on, without exiting', () => {
    const failure = new Error('disk on fire');
    expect(() =>
      loadConfigOrExit(() => {
        throw failure;
      }),
    ).toThrow(failure);
    expect(exit).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });
});
