import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, realpathSync, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { sep } from 'node:path';
import type { ReadLimits } from '../core/host';

/**
 * The one way ArchTrace reads a file it did not write (a source file, a manifest, a `.gitignore`,
 * a tsconfig and what it extends, a progress file): opened without blocking (a FIFO would hang a
 * plain read until a writer comes), then the opened file itself checked — a regular file (not a
 * FIFO, a socket or a device such as `/dev/zero` behind a link), within the size limit, and, given
 * a root, inside it once every link is resolved — before a byte is read.
 */
export class RefusedRead extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RefusedRead';
  }
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export async function readChecked(path: string, limits: ReadLimits): Promise<Buffer> {
  const { handle, stat } = await openForReading(path);
  try {
    await refuseUnless(path, stat, limits);
    return await readOpened(handle, stat.size);
  } finally {
    await handle.close();
  }
}

/** A file opened for reading without blocking on a FIFO, with what fstat says of the opened file (the caller closes it). */
export async function openForReading(path: string): Promise<{ handle: FileHandle; stat: Stats }> {
  const handle = await fs.open(path, OPEN_FLAGS);
  try {
    return { handle, stat: await handle.stat() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The first `size` bytes of an opened file (fewer if it is shorter now). */
export async function readOpened(handle: FileHandle, size: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** The same, synchronously: for a worker thread, which has nothing else to do meanwhile. */
export function readCheckedSync(path: string, limits: ReadLimits): Buffer {
  const descriptor = openSync(path, OPEN_FLAGS);
  try {
    const stat = fstatSync(descriptor);
    const refused = refusal(stat, limits) ?? (limits.root !== undefined && !isInside(realpathSync(path), realpathSync(limits.root)) ? OUTSIDE : undefined);
    if (refused) throw new RefusedRead(refused);
    const buffer = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(descriptor, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * What an opened file's status says against reading it: not a regular file, or larger than the
 * limit (then it is not read at all, not even to hash it); undefined when it may be read.
 */
export function refusal(stat: Stats, limits: Pick<ReadLimits, 'maxBytes'>): string | undefined {
  if (!stat.isFile()) return `not a regular file (${stat.isFIFO() ? 'a FIFO' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : 'a folder'})`;
  if (stat.size > limits.maxBytes) return sizeLimitReason(stat.size, limits.maxBytes);
  return undefined;
}

export function sizeLimitReason(size: number, limit: number): string {
  const kilobytes = (bytes: number) => Math.ceil(bytes / 1024);
  return `larger than the size limit (${kilobytes(size)} KB > ${kilobytes(limit)} KB)`;
}

async function refuseUnless(path: string, stat: Stats, limits: ReadLimits): Promise<void> {
  const refused = refusal(stat, limits) ?? (limits.root !== undefined && !isInside(await fs.realpath(path), await fs.realpath(limits.root)) ? OUTSIDE : undefined);
  if (refused) throw new RefusedRead(refused);
}

const OUTSIDE = 'a link that points outside the workspace';

function isInside(realPath: string, realRoot: string): boolean {
  return realPath === realRoot || realPath.startsWith(realRoot.endsWith(sep) ? realRoot : `${realRoot}${sep}`);
}
