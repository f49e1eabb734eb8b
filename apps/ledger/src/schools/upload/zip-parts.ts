/**
 * Opens a small zip (an .xlsx upload) with yauzl without trusting it: the central directory
 * is checked before anything is inflated (entry count, encryption, compression method,
 * declared sizes), and a part is inflated only on request, counting its bytes and stopping
 * at the limit whatever its headers claim. Anything malformed or truncated is a ZipRefusal;
 * sizes beyond the limits are a ZipRefusal of kind 'too_large'.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';

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

const STORED = 0;
const DEFLATED = 8;

export class ZipParts {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly limits: ZipLimits,
  ) {}

  /** The zip's central directory, checked entry by entry; nothing is inflated yet. */
  static async open(file: Buffer, limits: ZipLimits): Promise<ZipParts> {
    let zip: ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
    } catch (error) {
      throw new ZipRefusal('malformed', `not a zip file: ${(error as Error).message}`);
    }
    if (zip.entryCount > limits.maxEntries)
      throw new ZipRefusal('too_large', `the file lists ${zip.entryCount} entries`);
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        if (entry.isEncrypted()) throw new ZipRefusal('malformed', `${entry.fileName} is encrypted`);
        if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
          throw new ZipRefusal('malformed', `${entry.fileName} uses an unsupported compression method`);
        }
        // checked before inflating: a bomb that declares its size honestly costs nothing
        if (entry.uncompressedSize > limits.maxEntryBytes || entry.compressedSize > limits.maxEntryBytes) {
          throw new ZipRefusal('too_large', `${entry.fileName} declares ${entry.uncompressedSize} bytes uncompressed`);
        }
        entries.set(entry.fileName, entry);
      }
    } catch (error) {
      zip.close();
      if (error instanceof ZipRefusal) throw error;
      throw new ZipRefusal('malformed', `the central directory is damaged: ${(error as Error).message}`);
    }
    return new ZipParts(zip, entries, limits);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The part's bytes, inflated with the size limit enforced while inflating. */
  async read(name: string): Promise<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipRefusal('malformed', `no ${name} in the file`);
    const limit = this.limits.maxEntryBytes;
    const chunks: Buffer[] = [];
    let inflated = 0;
    try {
      const stream = await this.zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > limit) {
          stream.destroy();
          throw new ZipRefusal('too_large', `${name} inflates to more than ${limit} bytes`);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof ZipRefusal) throw error;
      // yauzl's validateEntrySizes: the part inflates beyond the size its headers declare (a bomb)
      if (/^too many bytes/.test((error as Error).message)) {
        throw new ZipRefusal(
          'too_large',
          `${name} inflates to more than the ${entry.uncompressedSize} bytes it declares`,
        );
      }
      throw new ZipRefusal('malformed', `${name} cannot be inflated: ${(error as Error).message}`);
    }
    return Buffer.concat(chunks, inflated);
  }

  close(): void {
    this.zip.close();
  }
}
