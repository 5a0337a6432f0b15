/**
 * A picture from the coordinator's disk for an image slide: read in the page, checked before it
 * is sent (the core checks again): at most 10 MB, and a PNG, JPEG, GIF or WebP by its first
 * bytes whatever its name. Answers base64 or a message that says what to do.
 */
import { imageTypeOf, MAX_DECK_IMAGE_BYTES } from '../../../shared/deck/deck-image.js';

export type ReadImage = { readonly ok: true; readonly base64: string } | { readonly ok: false; readonly message: string };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Reads and checks `file`. */
export async function readImage(file: File): Promise<ReadImage> {
  const name = `"${file.name}"`;
  if (file.size === 0) return { ok: false, message: `${name} is empty: choose a PNG, JPEG, GIF or WebP picture` };
  if (file.size > MAX_DECK_IMAGE_BYTES) {
    return {
      ok: false,
      message: `${name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a slide image may be at most 10 MB: make it smaller (a 1280×720 picture is plenty)`,
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, message: `${name} could not be read: check that the file is still there and readable` };
  }
  if (!imageTypeOf(bytes)) {
    return { ok: false, message: `${name} is not a PNG, JPEG, GIF or WebP picture (its first bytes say so, whatever its name)` };
  }
  return { ok: true, base64: toBase64(bytes) };
}
