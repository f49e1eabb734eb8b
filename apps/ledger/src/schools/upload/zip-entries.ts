/**
 * Reads the entries of a small zip (an .xlsx upload) without trusting it: the central
 * directory is checked before anything is inflated (entry count, declared sizes), and
 * inflating stops at the same limit whatever the headers claim. Anything malformed or
 * truncated is a ZipRefusal; sizes beyond the limits are a ZipRefusal of kind 'too_large'.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** the most entries a central directory may list */
  maxEntries: number;
  /** the most bytes one entry may inflate to */
  maxEntryBytes: number;
}

export class ZipRefusal extends Error {
  override name = 'ZipRefusal';

  constructor(
    readonly kind: 'malformed' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;

export class ZipEntries {
  private readonly entries = new Map<string, CentralEntry>();

  constructor(
    private readonly zip: Buffer,
    private readonly limits: ZipLimits,
  ) {
    for (const entry of this.readCentralDirectory()) this.entries.set(entry.name, entry);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, inflated with the size limit enforced while inflating. */
  read(name: string): Buffer {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipRefusal('malformed', `no ${name} in the file`);
    const offset = entry.localHeaderOffset;
    if (offset + 30 > this.zip.length || this.zip.readUInt32LE(offset) !== LOCAL_FILE_HEADER) {
      throw new ZipRefusal('malformed', `the local header of ${name} is missing`);
    }
    const dataStart = offset + 30 + this.zip.readUInt16LE(offset + 26) + this.zip.readUInt16LE(offset + 28);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > this.zip.length) throw new ZipRefusal('malformed', `${name} is truncated`);
    const data = this.zip.subarray(dataStart, dataEnd);
    if (entry.method === STORED) return data;
    try {
      return inflateRawSync(data, { maxOutputLength: this.limits.maxEntryBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipRefusal('too_large', `${name} inflates to more than ${this.limits.maxEntryBytes} bytes`);
      }
      throw new ZipRefusal('malformed', `${name} cannot be inflated`);
    }
  }

  private *readCentralDirectory(): Generator<CentralEntry> {
    const zip = this.zip;
    const end = this.findEndRecord();
    const count = zip.readUInt16LE(end + 10);
    const size = zip.readUInt32LE(end + 12);
    const start = zip.readUInt32LE(end + 16);
    if (count > this.limits.maxEntries) throw new ZipRefusal('too_large', `the file lists ${count} entries`);
    if (start + size > end) throw new ZipRefusal('malformed', 'the central directory is out of the file');
    let offset = start;
    for (let i = 0; i < count; i++) {
      if (offset + 46 > end || zip.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) {
        throw new ZipRefusal('malformed', 'the central directory is damaged');
      }
      const nameLength = zip.readUInt16LE(offset + 28);
      const entry: CentralEntry = {
        method: zip.readUInt16LE(offset + 10),
        compressedSize: zip.readUInt32LE(offset + 20),
        uncompressedSize: zip.readUInt32LE(offset + 24),
        localHeaderOffset: zip.readUInt32LE(offset + 42),
        name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      };
      offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
      if (entry.method !== STORED && entry.method !== DEFLATED) {
        throw new ZipRefusal('malformed', `${entry.name} uses an unsupported compression method`);
      }
      // checked before inflating: a bomb that declares its size honestly costs nothing
      if (
        entry.uncompressedSize > this.limits.maxEntryBytes ||
        (entry.method === STORED && entry.compressedSize > this.limits.maxEntryBytes)
      ) {
        throw new ZipRefusal('too_large', `${entry.name} declares ${entry.uncompressedSize} bytes uncompressed`);
      }
      yield entry;
    }
  }

  private findEndRecord(): number {
    const zip = this.zip;
    const lowest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT);
    for (let offset = zip.length - END_RECORD_SIZE; offset >= lowest; offset--) {
      if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
    }
    throw new ZipRefusal('malformed', 'not a zip file, or a truncated one');
  }
}
