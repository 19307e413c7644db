/**
 * Checks an .xlsx before exceljs sees it: that it is a zip at all (and not
 * an encrypted or legacy Office file), that it is whole, that it is an
 * Excel workbook, and that it does not inflate past a size limit (a
 * decompression bomb would exhaust memory inside the zip library). Every
 * entry is actually inflated with a cap, so lying size fields do not help.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipProblem {
  code: string;
  message: string;
  hint: string;
}

/** Uncompressed bytes we accept in one workbook. */
export const MAX_UNCOMPRESSED = 300 * 1024 * 1024;
const MAX_ENTRIES = 20_000;
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v);

function cfbProblem(bytes: Uint8Array): ZipProblem {
  const encrypted = Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));
  return encrypted
    ? {
        code: 'input.xlsx.encrypted',
        message: '工作簿设置了打开密码（已加密），无法读取。',
        hint: '请在 Excel 中打开后通过“文件 → 信息 → 保护工作簿 → 用密码进行加密”清除密码，再保存。',
      }
    : {
        code: 'input.xlsx.legacy',
        message: '这是旧版 Excel（.xls）或其他 Office 二进制文件，不是 .xlsx。',
        hint: '请在 Excel 中“另存为”Excel 工作簿（.xlsx）。',
      };
}

/** Finds the end-of-central-directory record (it sits in the last 64 KiB + 22 bytes). */
function findEocd(b: Buffer): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

const truncated = (): ZipProblem => ({
  code: 'input.xlsx.truncated',
  message: '工作簿文件不完整（文件末尾缺失，可能下载或复制时中断）。',
  hint: '请重新下载或从原处重新复制该文件。',
});

const corruptDirectory = (): ZipProblem => ({
  code: 'input.xlsx.corrupt',
  message: '工作簿文件已损坏（目录结构不正确）。',
  hint: '请在 Excel 中打开并重新保存，或重新导出。',
});

/**
 * Bytes one entry inflates to, found by inflating it with a cap (the size
 * fields may lie): Infinity past the room left or for an unknown method.
 */
function inflatedSize(method: number, data: Buffer, total: number, limit: number): number | ZipProblem {
  try {
    return method === 0
      ? data.length
      : method === 8
        ? inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total + 1) }).length
        : Infinity;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return Infinity;
    return {
      code: 'input.xlsx.corrupt',
      message: '工作簿文件已损坏（压缩数据无法解开）。',
      hint: '请在 Excel 中打开并重新保存，或重新导出。',
    };
  }
}

/** Walks the central directory: the entries' names, or the first problem (broken, truncated, too large). */
function readEntries(b: Buffer, eocd: number, limit: number): Set<string> | ZipProblem {
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES || at >= b.length) return corruptDirectory();
  const names = new Set<string>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return corruptDirectory();
    const method = b.readUInt16LE(at + 10);
    const compressed = b.readUInt32LE(at + 20);
    const nameLen = b.readUInt16LE(at + 28);
    const extraLen = b.readUInt16LE(at + 30);
    const commentLen = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    names.add(b.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
    if (local + 30 > b.length) return truncated();
    const dataStart = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const size = inflatedSize(method, b.subarray(dataStart, dataStart + compressed), total, limit);
    if (typeof size !== 'number') return size;
    total += size;
    if (total > limit) {
      return {
        code: 'input.xlsx.too-large',
        message: `工作簿解压后超过 ${Math.round(limit / 1048576)} MB 的上限，为避免耗尽内存而拒绝读取（可能是“压缩炸弹”）。`,
        hint: '如果这确实是正常数据，请拆分成几个较小的文件，或导出为 CSV。',
      };
    }
  }
  return names;
}

export function inspectXlsx(bytes: Uint8Array, limit = MAX_UNCOMPRESSED): ZipProblem | null {
  if (startsWith(bytes, CFB)) return cfbProblem(bytes);
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return {
      code: 'input.xlsx.not-zip',
      message: '文件内容不是 Excel 工作簿（.xlsx 实际是一种 zip 压缩包，而这个文件不是）。',
      hint: '请确认文件没有被改过扩展名；如果是 CSV 或其他格式，请改成对应的扩展名，或在 Excel 中另存为 .xlsx。',
    };
  }
  const eocd = findEocd(b);
  if (eocd < 0) return truncated();
  const names = readEntries(b, eocd, limit);
  if (!(names instanceof Set)) return names;
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    return {
      code: 'input.xlsx.not-workbook',
      message: '这是一个 zip 压缩包，但不是 Excel 工作簿（里面没有工作簿内容）。',
      hint: '请提供用 Excel 保存的 .xlsx 文件。',
    };
  }
  return null;
}
