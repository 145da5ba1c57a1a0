/**
 * The file system's side of the reading gate (src/xlsx/gate.ts), in Node: the bytes of a
 * workbook file, read only if it is a regular file no larger than MAX_FILE_BYTES. A FIFO would
 * hang a plain read, /dev/zero would never end, a directory fails obscurely: the file is opened
 * without blocking (O_NONBLOCK: opening a FIFO does not wait for a writer), checked with fstat on
 * that very descriptor (so a path swapped between a stat and the read changes nothing), and read
 * for at most the size fstat gave, plus one byte to notice a file that grew meanwhile.
 */
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { MAX_FILE_BYTES, refuse, tooLarge } from "./gate";

export async function readWorkbookFile(path: string, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      const what = stat.isDirectory()
        ? { zh: "是一个目录", en: "a directory" }
        : stat.isFIFO()
          ? { zh: "是一个命名管道（FIFO）", en: "a named pipe (FIFO)" }
          : stat.isCharacterDevice() || stat.isBlockDevice()
            ? { zh: "是一个设备", en: "a device" }
            : { zh: "是一个套接字或其他特殊文件", en: "a socket or another special file" };
      refuse("not-a-file", `不是普通文件（${what.zh}），未读取`, `not a regular file (${what.en}); not read`);
    }
    if (stat.size > maxBytes) {
      const { zh, en } = tooLarge(stat.size);
      refuse("too-large", zh, en);
    }
    const bytes = new Uint8Array(stat.size + 1);
    let length = 0;
    while (length < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, length, bytes.byteLength - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length !== stat.size) refuse("not-a-file", "文件在读取时发生了变化，请重试", "the file changed while it was read; try again");
    return bytes.subarray(0, length);
  } finally {
    await handle.close();
  }
}
