/**
 * A small disk for full-disk tests: a tmpfs of a given size mounted on a fresh directory
 * (tests run as root here and in CI). Where mounting is impossible the tests that need it
 * are skipped with a warning saying why, instead of failing on something else.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  path: string;
  /** false when no tmpfs could be mounted: describe.skip the tests that need one */
  mounted: boolean;
  /** writes one file until the disk is full to the last byte; returns its path (delete it to free the space) */
  fill(): string;
  /** unmounts and removes the directory */
  remove(): void;
}

export function mountSmallDisk(prefix: string, sizeMb: number): SmallDisk {
  const path = mkdtempSync(join(tmpdir(), prefix));
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', path], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    console.warn(`${prefix}: tests skipped, cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`);
  }
  return {
    path,
    mounted,
    fill: () => fillDisk(path),
    remove: () => {
      if (mounted) execFileSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

function fillDisk(path: string): string {
  const filler = join(path, 'filler.bin');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1024 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}
