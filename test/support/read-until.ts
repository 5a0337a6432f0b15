/**
 * Reads a streamed answer (the server-sent events of `pals serve`) until the text so far has
 * what the test waits for. It fails with what did come, rather than spinning, when the stream
 * ends first, and after a generous bound (a loopback answer on a loaded machine takes far less).
 */
export async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  enough: (text: string) => boolean,
  what: string,
  boundMs = 20_000,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no ${what} within ${String(boundMs / 1000)} s; the stream sent ${JSON.stringify(text)}`));
    }, boundMs);
  });
  try {
    while (!enough(text)) {
      const { done, value } = await Promise.race([reader.read(), late]);
      if (done) throw new Error(`the stream ended before ${what}; it sent ${JSON.stringify(text)}`);
      text += decoder.decode(value, { stream: true });
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}
